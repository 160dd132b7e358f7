"""The Spark job: articles (JSONL or Parquet) in, quotegraph fact shards out.

    spark-submit examples/spark/facts_job.py INPUT OUT [--partitions N] [--compression gzip]
    python examples/spark/facts_job.py INPUT OUT --master 'local[2]'

Every executor needs the quotegraph wheel (see README.md beside this file). The work is done by
`quotegraph.spark` (`python -m quotegraph.spark --help` lists the options); load the shards
into one store with `quotegraph ingest --facts OUT`.
"""

import sys

from quotegraph.spark import main

if __name__ == "__main__":
    sys.exit(main())
