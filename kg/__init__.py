"""lgkg: a knowledge graph of Chinese legal-governance entities from rule-of-law reports."""

__version__ = "0.1.0"
#: bump when extraction output changes, so caches keyed on it are invalidated
EXTRACTOR_VERSION = "1"
