"""Replaying a Functional config's calls in the order Keras does, in linear time.

Keras (``functional_from_config``) makes passes over the layers in config order,
each layer's calls in order; a call whose inputs do not exist yet waits for the
next pass.  The order of the calls decides node indices and layer order, so
paramscope keeps it, but without the passes: they cost the square of the layer
count when a config lists its layers in reverse call order.
"""

from __future__ import annotations

import heapq

from ..layers.base import InputLayer


class NotReady(Exception):
    """A call's input does not exist yet (Keras raises IndexError and retries)."""

    def __init__(self, layer_name, node_index):
        super().__init__(layer_name, node_index)
        self.layer_name = layer_name
        self.node_index = node_index


def missing_input(requirements, created, node_map, tf_keras):
    """The first ``(layer, call)`` a call needs that does not exist yet, as a
    :class:`NotReady`; None when all exist (or a layer is missing: the call reports it)."""
    for ref, node_index in requirements:
        inbound = created.get(ref)
        if inbound is None:
            return None  # process_node reports the missing layer
        if tf_keras and not isinstance(inbound, InputLayer):
            if (ref, node_index) not in node_map:
                return NotReady(ref, node_index)
        elif len(inbound._inbound_nodes) <= node_index:
            return NotReady(ref, node_index)
    return None


def replay_calls(unprocessed, process_node, ready):
    """Keras's loop over a Functional config's calls, in linear time.

    Keras makes passes over the layers in config order, each layer's calls in order; a
    call whose inputs do not exist yet waits for the next pass (so node indices and
    layer order come out as Keras's).  Passes cost the square of the layer count when
    the config lists layers in reverse call order; here each waiting layer is instead
    woken when the layer it waits for is called, and run at the slot (pass, position)
    where Keras's next pass would have run it: the same calls, in the same order.
    ``unprocessed`` ({layer name: its calls}, config order) is emptied of what ran;
    returns the waiting layers' :class:`NotReady`.
    """
    position = {name: i for i, name in enumerate(unprocessed)}
    heap = [(0, i, name) for name, i in position.items()]  # sorted: already a heap
    scheduled = set(position)
    waiters = {}  # layer name -> layers waiting for one of its calls
    waiting = {}
    progressed = False  # since the last full pass
    while heap:
        slot_pass, slot, name = heapq.heappop(heap)
        scheduled.discard(name)
        nodes = unprocessed[name]
        i = 0
        while i < len(nodes):
            # A call that waited is first checked cheaply; the first attempt is just
            # made (configs are mostly in call order).
            not_ready = ready(nodes[i]) if name in waiting else None
            if not_ready is None:
                try:
                    process_node(name, nodes[i])
                except NotReady as e:
                    not_ready = e
            if not_ready is not None:
                waiting[name] = not_ready
                waiters.setdefault(not_ready.layer_name, []).append(name)
                break
            i += 1
            for other in waiters.pop(name, ()):
                if other != name and other not in scheduled and other in unprocessed:
                    later = position[other] > slot  # still ahead in this pass
                    heapq.heappush(heap, (slot_pass + (not later), position[other], other))
                    scheduled.add(other)
        progressed = progressed or i > 0
        if i >= len(nodes):
            del unprocessed[name]
            waiting.pop(name, None)
        elif i > 0:
            unprocessed[name] = nodes[i:]
        if not heap and unprocessed and progressed:
            # A call can become ready without its layer's wake-up (a call made inside
            # another one): one more full pass before calling the graph stuck.
            progressed = False
            for other in unprocessed:
                if other not in scheduled and ready(unprocessed[other][0]) is None:
                    heapq.heappush(heap, (slot_pass + 1, position[other], other))
                    scheduled.add(other)
    return waiting
