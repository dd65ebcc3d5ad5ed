"""The language data (patterns, actor registry, the bundled model), installed as ``pipeline.models``."""
