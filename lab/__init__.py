"""The lab: evaluation, scoring, benchmarks, training and the registry build.

It stands apart from the product (the ``pipeline`` package the wheel ships): it imports the
product, the product never imports it, and it is run from a checkout (``make eval``,
``make bench``, ...), where the data of ``../shared`` is at hand.
"""
