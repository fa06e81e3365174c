#!/usr/bin/env python3
"""Side client of scripts/bench/faults, run during one fault.

Until STOP_FILE exists (then one last pass of polls), in turns (after the first turn it creates
STOP_FILE.ready.K, K the last word of MARKER, so that the fault waits for every client):
  - reports the next question of CANDIDATES (lines "question_id product_id") on instance A
    (PUT /qa/questions/Q/report); a 204 makes Q "reported";
  - posts a new question, alternately to A and to B, with the body "MARKER n"; a 201 makes its
    question_id "acknowledged";
  - lists, on instance B, the products of the questions reported so far (each GET sent after
    the report's 204 was received) and counts every listing that still holds a reported id:
    a stale read, goal 0.
Prints one JSON object: reports acknowledged, polls, stale listings, posts sent, the
acknowledged ids and the statuses of the writes that were not acknowledged (0: no answer). Loopback only; every request has a 10 s time-out; bounded by the stop file.
"""
import json
import os
import sys
import time
import http.client
import urllib.parse

TIMEOUT_S = 10


# Polls (GETs) go over one kept-alive connection per instance: a new connection per poll cost
# the machine more than the polls themselves, and that load showed in the generators'
# latencies. A write gets a connection of its own, so that it is never sent twice: a kept-alive
# connection the server has closed fails only once a request is on its way.
polling = {}


def call(method, url, body=None):
    """Status and body of one request; status 0 when no answer came."""
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"} if data is not None else {}
    keep = method == "GET"
    for attempt in (0, 1):  # a kept-alive connection the server closed is opened again once
        connection = polling.get(parts.netloc) if keep else None
        if connection is None:
            connection = http.client.HTTPConnection(parts.netloc, timeout=TIMEOUT_S)
            if keep:
                polling[parts.netloc] = connection
        try:
            connection.request(method, target, body=data, headers=headers)
            reply = connection.getresponse()
            answer = reply.status, reply.read()
            if not keep:
                connection.close()
            return answer
        except (OSError, http.client.HTTPException, ValueError):
            connection.close()
            polling.pop(parts.netloc, None)
            if attempt == 1 or not keep:
                return 0, b""
    return 0, b""


def listed_ids(body):
    try:
        return {q["question_id"] for q in json.loads(body)["results"]}
    except (ValueError, KeyError, TypeError):
        return set()


def main():
    a, b, candidates_file, marker, stop_file = sys.argv[1:6]
    candidates = [tuple(map(int, line.split())) for line in open(candidates_file) if line.strip()]
    reported = {}  # question -> product, after its 204
    polls = stale = posts = 0
    acknowledged = []
    refused = {}  # status of a report or post that was not acknowledged (0: no answer) -> count
    n = 0
    while True:
        last = os.path.exists(stop_file)
        if not last and n < len(candidates):
            question, product = candidates[n]
            status = call("PUT", f"{a}/qa/questions/{question}/report")[0]
            if status == 204:
                reported[question] = product
            else:
                refused[status] = refused.get(status, 0) + 1
            target = a if n % 2 == 0 else b
            status, body = call("POST", f"{target}/qa/questions",
                                {"body": f"{marker} {n}", "name": "faults",
                                 "email": "faults@example.com", "product_id": product})
            posts += 1
            if status == 201:
                acknowledged.append(json.loads(body)["question_id"])
            else:
                refused[status] = refused.get(status, 0) + 1
            n += 1
        # The newest reports are the ones a fault can leave stale; poll at most 20 products.
        for question, product in list(reported.items())[-20:]:
            status, body = call("GET", f"{b}/qa/questions?product_id={product}&count=100")
            if status == 200:
                polls += 1
                stale += question in listed_ids(body)
        if n == 1:
            open(stop_file + ".ready." + marker.rsplit(" ", 1)[-1], "w").close()
        if last:
            break
        time.sleep(0.02)
    print(json.dumps({"reports": len(reported), "polls": polls, "stale": stale,
                      "posts": posts, "acknowledged": acknowledged, "refused": refused}))


if __name__ == "__main__":
    main()
