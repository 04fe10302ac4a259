"""Learning records as xAPI 1.0.3 statements, sent to a learning record store.

Sits above `learning` and listens to `learning.events`; only `config` imports
it. Nothing happens unless `XAPI_ENDPOINT` is set (docs/interoperability.md).
"""
