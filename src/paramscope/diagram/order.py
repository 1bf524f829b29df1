"""Crossing minimisation: the order of the boxes within each rank.

Edges that span several ranks are first cut into unit segments through *dummy* nodes (one
per rank crossed), so that every edge joins adjacent ranks.  The order then starts from a
depth-first walk in the model's order and is improved by alternating down and up sweeps of
the barycenter heuristic, each followed by the transpose heuristic (swap neighbours while
that removes crossings), keeping the best order seen (Sugiyama et al., 1981; Gansner et al.,
1993).  Crossings are counted with the accumulator tree of Barth, Jünger and Mutzel (2002).
"""

from __future__ import annotations

MAX_SWEEPS = 24
PATIENCE = 4
TRANSPOSE_PASSES = 6


class Layered:
    """Boxes and dummies by rank.

    - ``layers[r]``: the nodes of rank ``r``, in drawing order; ``pos[v]``: index in it.
    - nodes ``0..n_real-1`` are the boxes, the rest dummies; ``width[v]`` along the rank.
    - ``up[v]`` / ``down[v]``: neighbours one rank above / below (one entry per segment).
    - ``chains[i]``: edge ``i`` as the nodes it passes through, from source to target.
    """

    def __init__(self, n_real, widths, ranks, edges, dummy_width=0.0):
        self.n_real = n_real
        self.rank = list(ranks)
        self.width = list(widths)
        self.up = [[] for _ in range(n_real)]
        self.down = [[] for _ in range(n_real)]
        self.chains = []
        for u, v in edges:
            chain = [u]
            prev = u
            for r in range(self.rank[u] + 1, self.rank[v]):
                d = len(self.rank)
                self.rank.append(r)
                self.width.append(dummy_width)
                self.up.append([])
                self.down.append([])
                self._link(prev, d)
                chain.append(d)
                prev = d
            self._link(prev, v)
            chain.append(v)
            self.chains.append(chain)
        n_ranks = (max(self.rank) + 1) if self.rank else 0
        self.layers = [[] for _ in range(n_ranks)]
        self.pos = [0] * len(self.rank)

    def _link(self, u, v):
        self.down[u].append(v)
        self.up[v].append(u)

    def is_dummy(self, v):
        return v >= self.n_real

    def set_layers(self, layers):
        self.layers = [list(layer) for layer in layers]
        for layer in self.layers:
            for i, v in enumerate(layer):
                self.pos[v] = i


def initial_order(g):
    """Depth-first from the boxes in their own order, each node appended to its rank."""
    layers = [[] for _ in g.layers]
    seen = [False] * len(g.rank)
    for start in sorted(range(g.n_real), key=lambda v: g.rank[v]):
        if seen[start]:
            continue
        stack = [start]
        while stack:
            v = stack.pop()
            if seen[v]:
                continue
            seen[v] = True
            layers[g.rank[v]].append(v)
            stack.extend(reversed(g.down[v]))
    g.set_layers(layers)


def count_crossings(g):
    """Edge crossings between all pairs of adjacent ranks."""
    return sum(_crossings_between(g, r) for r in range(len(g.layers) - 1))


def _crossings_between(g, r):
    south = g.layers[r + 1]
    if not south:
        return 0
    pos = g.pos
    ends = []
    for v in g.layers[r]:
        ends.extend(sorted(pos[w] for w in g.down[v]))
    # Count inversions of `ends` with a Fenwick tree over the southern positions.
    size = len(south)
    tree = [0] * (size + 1)
    crossings = 0
    seen = 0
    for p in ends:
        i = p + 1
        below = 0
        while i > 0:
            below += tree[i]
            i -= i & -i
        crossings += seen - below
        seen += 1
        i = p + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def _barycenter_sweep(g, downward):
    ranks = range(1, len(g.layers)) if downward else range(len(g.layers) - 2, -1, -1)
    pos = g.pos
    for r in ranks:
        layer = g.layers[r]
        neighbours = g.up if downward else g.down
        keyed = []
        fixed = []
        for i, v in enumerate(layer):
            ns = neighbours[v]
            if ns:
                keyed.append((sum(pos[w] for w in ns) / len(ns), i, v))
            else:
                fixed.append(i)
        keyed.sort()
        # Nodes without neighbours on that side keep their slots; the others fill the rest.
        new = [None] * len(layer)
        for i in fixed:
            new[i] = layer[i]
        it = iter(keyed)
        for i in range(len(new)):
            if new[i] is None:
                new[i] = next(it)[2]
        g.layers[r] = new
        for i, v in enumerate(new):
            pos[v] = i


def _pair_crossings(pos, a_ns, b_ns):
    """Crossings between the edges of a (left) and b (right) towards one neighbour rank."""
    count = 0
    for x in a_ns:
        px = pos[x]
        for y in b_ns:
            if px > pos[y]:
                count += 1
    return count


def _transpose(g):
    pos = g.pos
    for _ in range(TRANSPOSE_PASSES):
        improved = False
        for layer in g.layers:
            for i in range(len(layer) - 1):
                v, w = layer[i], layer[i + 1]
                here = (_pair_crossings(pos, g.up[v], g.up[w])
                        + _pair_crossings(pos, g.down[v], g.down[w]))
                if not here:
                    continue
                swapped = (_pair_crossings(pos, g.up[w], g.up[v])
                           + _pair_crossings(pos, g.down[w], g.down[v]))
                if swapped < here:
                    layer[i], layer[i + 1] = w, v
                    pos[v], pos[w] = i + 1, i
                    improved = True
        if not improved:
            break


def minimise_crossings(g, sweeps=MAX_SWEEPS):
    """Order every rank of ``g`` (in place); returns the number of crossings left."""
    initial_order(g)
    best = count_crossings(g)
    best_layers = [list(layer) for layer in g.layers]
    stale = 0
    for i in range(sweeps):
        if best == 0:
            break
        _barycenter_sweep(g, downward=(i % 2 == 0))
        _transpose(g)
        crossings = count_crossings(g)
        if crossings < best:
            best, best_layers, stale = crossings, [list(layer) for layer in g.layers], 0
        else:
            stale += 1
            if stale >= PATIENCE:
                break
    g.set_layers(best_layers)
    return best
