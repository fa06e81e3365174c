#!/usr/bin/env python3
"""The sum of one Prometheus counter over all its label sets, from a /metrics URL."""
import sys
import urllib.request

url, name = sys.argv[1:]
text = urllib.request.urlopen(url, timeout=5).read().decode()
print(sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
          if line.startswith(name + "{") or line.startswith(name + " ")))
