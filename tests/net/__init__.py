"""Tests of the venue network (issue 13): the host's API, the desks, the harness."""
