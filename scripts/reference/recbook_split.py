"""recbook's documented train/test split, replayed in Python for the reference scripts
(item_cf.py, keras_rsvd.py): they must hold out exactly the rows recbook's `split` holds out."""

import math

MASK = (1 << 64) - 1


def splitmix64(state):
    """One step of SplitMix64 (Steele, Lea and Flood 2014): (new state, output)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def holdout(rows, fraction, master_seed, stream):
    """recbook's documented split: a seed derived from the master seed and a stream number, a
    Fisher-Yates shuffle of the row numbers, the first ceil(fraction * rows) rows as test."""
    _, seed = splitmix64(master_seed ^ ((stream * 0xD1B54A32D192ED03) & MASK))
    order, state = list(range(rows)), seed
    for i in range(rows - 1, 0, -1):
        state, value = splitmix64(state)
        j = value % (i + 1)
        order[i], order[j] = order[j], order[i]
    test_count = math.ceil(fraction * rows)
    return order[test_count:], order[:test_count]
