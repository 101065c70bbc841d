"""Reproducible training scripts for the models shipped in `corroborate/nlp/models/`.

Nothing here runs at inference time; `corroborate.nlp.pipeline` only loads what these
scripts wrote. Training data comes from `../shared/data/` and is never committed.
"""
