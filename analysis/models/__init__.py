"""The models: pure functions of DataFrames, arrays and parameters.

Nothing in this layer reads or writes files, draws, or knows where the project lives: tables
come in (from :mod:`analysis.data`), tables come out (to :mod:`analysis.charts` and the
notebooks). Event dates are passed in as arguments, from :mod:`analysis.events`.
``tests/test_layers.py`` holds the layer to this.
"""
