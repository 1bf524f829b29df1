"""Layer assignment: which rank (row in a top-to-bottom drawing) each box goes to.

``assign_ranks`` starts from the longest-path layering (each box one rank below its lowest
predecessor; Keras graphs are DAGs, so it always exists) and then balances it: each box is
moved, within the ranks its neighbours allow, to the median of the positions its edges
want (one rank below each predecessor, one above each successor).  That is a local version
of what network simplex (Gansner et al., 1993) optimises — the total edge length — and it
mostly moves what longest path gets wrong for Keras graphs: a second input or a side branch
drawn at the top of the picture, far above the layer that uses it.  Pinned boxes keep the
top (``pin_top``) or go to the bottom rank (``pin_bottom``): the entry and exit boxes of a
nested model's frame.

>>> assign_ranks(4, [(0, 1), (1, 2), (3, 2)])   # box 3 feeds only box 2: drawn beside box 1
[0, 1, 2, 1]
"""

from __future__ import annotations

import heapq

BALANCE_PASSES = 8


def topological_order(n, edges):
    """Kahn's order, taking ready boxes in index order (the model's own order breaks ties)."""
    succ = [[] for _ in range(n)]
    indegree = [0] * n
    for u, v in edges:
        succ[u].append(v)
        indegree[v] += 1
    ready = [v for v in range(n) if indegree[v] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        v = heapq.heappop(ready)
        order.append(v)
        for w in succ[v]:
            indegree[w] -= 1
            if indegree[w] == 0:
                heapq.heappush(ready, w)
    if len(order) != n:
        raise ValueError("the graph has a cycle; a layered drawing needs a DAG")
    return order


def feedback_edges(n, edges):
    """Indices of the edges to turn around so that the rest is acyclic: the back edges of a
    depth-first search in index order (none for a DAG).  Keras graphs are DAGs of calls,
    but a box is a layer, so a layer called again on something computed from its own
    output closes a cycle of boxes."""
    succ = [[] for _ in range(n)]
    for k, (u, v) in enumerate(edges):
        succ[u].append((v, k))
    state = [0] * n          # 0 unseen, 1 on the current path, 2 done
    back = set()
    for start in range(n):
        if state[start]:
            continue
        state[start] = 1
        stack = [(start, iter(succ[start]))]
        while stack:
            v, it = stack[-1]
            for w, k in it:
                if state[w] == 1:
                    back.add(k)
                elif state[w] == 0:
                    state[w] = 1
                    stack.append((w, iter(succ[w])))
                    break
            else:
                state[v] = 2
                stack.pop()
    return back


def assign_ranks(n, edges, pin_top=(), pin_bottom=(), balance=True):
    """Ranks (0 = top) for boxes ``0..n-1`` connected by ``edges`` (pairs of indices)."""
    pred = [[] for _ in range(n)]
    succ = [[] for _ in range(n)]
    for u, v in edges:
        succ[u].append(v)
        pred[v].append(u)
    order = topological_order(n, edges)
    rank = [0] * n
    for v in order:
        if pred[v]:
            rank[v] = max(rank[u] for u in pred[v]) + 1
    pinned = set(pin_top) | set(pin_bottom)
    if balance:
        _balance(rank, order, pred, succ, pinned)
    if pin_bottom:
        bottom = max(rank) if rank else 0
        for v in pin_bottom:
            if not succ[v]:
                rank[v] = bottom
    low = min(rank) if rank else 0
    return [r - low for r in rank]


def _balance(rank, order, pred, succ, pinned):
    """Move each box to the median of the ranks its edges want, within its feasible window."""
    sweep_orders = (order[::-1], order)
    for step in range(BALANCE_PASSES):
        changed = False
        for v in sweep_orders[step % 2]:
            if v in pinned or not (pred[v] or succ[v]):
                continue
            wanted = sorted([rank[u] + 1 for u in pred[v]] + [rank[w] - 1 for w in succ[v]])
            k = len(wanted)
            low_med, high_med = wanted[(k - 1) // 2], wanted[k // 2]
            best = min(max(rank[v], low_med), high_med)   # the optimum nearest to where it is
            if pred[v]:
                best = max(best, max(rank[u] for u in pred[v]) + 1)
            if succ[v]:
                best = min(best, min(rank[w] for w in succ[v]) - 1)
            if best != rank[v]:
                rank[v] = best
                changed = True
        if not changed:
            break
