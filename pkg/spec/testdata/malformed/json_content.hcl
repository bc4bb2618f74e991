{"bucket": {"data": {"name": "x"}}}
