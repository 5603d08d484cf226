"""Build tools of the edition: clean raw PDF text into Markdown chapters.

The pipeline runs one stage per module, each a pure function from data to data:

    read -> furniture -> structure -> notes -> paragraphs -> render

`pipeline.py` composes them; `__main__.py` is the command line.
"""
