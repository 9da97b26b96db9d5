"""numpy baseline for `npm run bench`: the same two backtests as the bench's sleeves rows,
vectorised the way a strong numpy user would write them.

Monthly inverse volatility over 63 daily returns, lag 1, no costs, on a panel without gaps
(the bench's generated panels have none):
  * decisions at row 0 and at every month's last row (not the panel's last row);
  * weights 1/sd_i (sample sd, ddof 1, of the returns on rows max(1, t-62)..t), normalised;
    an asset with fewer than 20 returns in its window is left out, and with none left the
    weights are equal (the engine's minObservations default and fallback);
  * the trade happens at the next row's close; between trades each holding grows with its price;
  * daily portfolio returns r_t = V_t / V_{t-1} - 1, r_0 = 0.

`prices` takes the price matrix and computes the returns itself; `prepared` is given the returns
matrix (computed outside the timing, as the engine's prepared panel is) and compounds it.

Protocol (one command a line on stdin, one answer a line on stdout), so that the bench can time
numpy interleaved with its own runs:
  load PATH N T   the panel written by the bench: T int32 day numbers then N*T float64 prices,
                  column-major (asset a on row t at a*T + t)        -> "ok"
  time prices|prepared                                               -> "<milliseconds>"
  returns PATH    write the prices version's daily returns (T float64) -> "ok"
  quit
"""
import sys
import time

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

LOOKBACK = 63
MIN_OBS = 20


def decision_rows(days):
    months = days.astype("datetime64[D]").astype("datetime64[M]")
    month_end = np.flatnonzero(months[1:] != months[:-1])  # t with month[t+1] != month[t]
    return np.concatenate(([0], month_end[month_end + 1 < len(days)]))


def inverse_vol_weights(returns, rows):
    """returns: (T, N) with row 0 NaN; rows: decision rows. Weights (len(rows), N)."""
    n_assets = returns.shape[1]
    padded = np.vstack((np.full((LOOKBACK - 1, n_assets), np.nan), returns))
    windows = sliding_window_view(padded, LOOKBACK, axis=0)[rows]  # (D, N, LOOKBACK), rows t-62..t
    missing = np.isnan(windows)
    counts = LOOKBACK - np.count_nonzero(missing, axis=2)
    filled = np.where(missing, 0.0, windows)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = filled.sum(axis=2) / counts
        dev = np.where(missing, 0.0, windows - mean[..., None])
        sd = np.sqrt((dev * dev).sum(axis=2) / (counts - 1))
        inv = np.where(counts >= MIN_OBS, 1.0 / sd, 0.0)
    total = inv.sum(axis=1, keepdims=True)
    return np.where(total > 0, inv / np.where(total > 0, total, 1.0), 1.0 / n_assets)


def simulate(growth, rows, weights):
    """growth: (T, N) cumulative growth of each asset (any scale); trades at rows + 1."""
    n_rows = growth.shape[0]
    starts = rows + 1
    seg = np.searchsorted(starts, np.arange(n_rows), side="right") - 1  # last trade at or before t
    live = seg >= 0
    seg_c = np.maximum(seg, 0)
    rel = growth / growth[starts[seg_c]]  # price relative to the segment's trade row
    g = np.einsum("tn,tn->t", rel, weights[seg_c])
    g[~live] = 1.0
    # The value carried into trade k+1: segment k's holdings valued at that row, before the trade.
    carried = np.einsum("tn,tn->t", growth[starts[1:]] / growth[starts[:-1]], weights[:-1])
    level = np.concatenate(([1.0], np.cumprod(carried)))
    equity = np.where(live, level[seg_c] * g, 1.0)
    out = np.empty(n_rows)
    out[0] = equity[0] - 1.0
    out[1:] = equity[1:] / equity[:-1] - 1.0
    return out


def backtest_prices(days, prices):
    returns = np.empty_like(prices)
    returns[0] = np.nan
    np.divide(prices[1:], prices[:-1], out=returns[1:])
    returns[1:] -= 1.0
    rows = decision_rows(days)
    return simulate(prices, rows, inverse_vol_weights(returns, rows))


def backtest_prepared(days, returns):
    rows = decision_rows(days)
    growth = np.cumprod(np.where(np.isnan(returns), 0.0, returns) + 1.0, axis=0)
    return simulate(growth, rows, inverse_vol_weights(returns, rows))


def main():
    days = prices = returns = None
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "load":
            n, t = int(cmd[2]), int(cmd[3])
            raw = open(cmd[1], "rb").read()
            days = np.frombuffer(raw, dtype=np.int32, count=t).astype(np.int64)
            prices = np.ascontiguousarray(np.frombuffer(raw, dtype=np.float64, offset=4 * t, count=n * t).reshape(n, t).T)
            returns = np.empty_like(prices)
            returns[0] = np.nan
            returns[1:] = prices[1:] / prices[:-1] - 1.0
            answer = "ok"
        elif cmd[0] == "time":
            fn = backtest_prices if cmd[1] == "prices" else backtest_prepared
            arg = prices if cmd[1] == "prices" else returns
            t0 = time.perf_counter()
            fn(days, arg)
            answer = repr((time.perf_counter() - t0) * 1000)
        elif cmd[0] == "returns":
            np.asarray(backtest_prices(days, prices), dtype=np.float64).tofile(cmd[1])
            answer = "ok"
        elif cmd[0] == "quit":
            return
        else:
            answer = "error unknown command " + cmd[0]
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
