"""infra-roadmap: what to study next so that the hour counts for 11408 and for AI Infra."""

__version__ = "0.1.0"
