"""L2: Article → Article with spans: entities, quotes, figures, claims, flags, profile.

`pipeline.py` runs the stages in order; each stage is a plain function in its own module.
"""
