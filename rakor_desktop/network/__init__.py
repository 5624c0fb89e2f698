"""The venue network (issue 13): one laptop hosts the event, other laptops join as desks.

``protocol`` is the wire format both sides share; ``host`` and ``server`` are the
host's side (the operations behind the API, and the aiohttp application that serves
them); ``desk`` is a desk's side (its copy of the event, its outbox and the sync that
empties it). Nothing here imports Qt: the window runs the server on its own event
loop through qasync, the command line (``rakor serve``) on plain asyncio.
"""
