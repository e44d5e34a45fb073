"""nanotutor's pretraining data pipeline: sources -> clean -> tag -> dedup -> decontaminate -> parquet -> token shards.

Run it with `python -m data.prepare` (see data/prepare.py). data/subjects.py and data/decontam.py are also
imported by ingest.py and sft.py.
"""
