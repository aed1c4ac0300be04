"""In-memory fakes of our own ports, for unit tests of the core and the conversation."""
