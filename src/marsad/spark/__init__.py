"""marsad on Apache Spark: the extraction pipeline and the clusterer as batch jobs (needs ``pyspark``)."""
