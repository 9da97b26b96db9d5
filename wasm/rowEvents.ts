// Where the next events of the simulation loop (simulate.ts) fall: calendar rows (decisions) and
// the rows of pending trades, found once per stretch of rows instead of row by row.

/** The first row r in [from, to) with calendar[r] = 1 (sixteen rows at a time), else to. */
export function nextCalendar(calendar: usize, from: i32, to: i32): i32 {
  const ones = i8x16.splat(1);
  // Reads up to 15 bytes past `to` (the calendar lies inside the scratch); rows ≥ to are cut off.
  for (let r = from; r < to; r += 16) {
    const hits = i8x16.bitmask(i8x16.eq(v128.load(calendar + <usize>r), ones));
    if (hits != 0) return min<i32>(to, r + ctz<i32>(hits));
  }
  return to;
}

/**
 * The first row t + k, k in [k0, slots), whose slot (slot + k mod slots, row t's slot being
 * `slot`) holds a pending trade (flag 1), else `none`.
 */
export function nextDue(flag: usize, t: i32, slot: i32, slots: i32, k0: i32, none: i32): i32 {
  for (let k = k0; k < slots; k++) {
    const at = slot + k < slots ? slot + k : slot + k - slots;
    if (load<i32>(flag + ((<usize>at) << 2)) == 1) return min<i32>(none, t + k);
  }
  return none;
}

/** The first event row after t (a calendar row or a pending trade's row), else n. */
export function stretchEnd(calendar: usize, t: i32, n: i32, flag: usize, slot: i32, slots: i32): i32 {
  const due = nextDue(flag, t, slot, slots, 1, n);
  return nextCalendar(calendar, t + 1, due);
}

/**
 * The last row from t on whose value the units held now give: the first row ≥ t with a trade
 * (a pending one, or that of the first decision from t on, lag rows after it), whose value is
 * taken before it trades; else n − 1.
 */
export function unitsEnd(calendar: usize, t: i32, n: i32, lag: i32, flag: usize, slot: i32, slots: i32): i32 {
  const due = nextDue(flag, t, slot, slots, 0, n - 1);
  const c = nextCalendar(calendar, t, due - lag + 1);
  return c + lag < due ? c + lag : due;
}
