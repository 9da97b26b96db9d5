/** The executed trades of a run, one entry each, in growable typed arrays (sized for the calendar's decisions). */
export class TradeLog {
  count = 0;
  private row: Int32Array;
  private decisionRow: Int32Array;
  private rule: Uint8Array;
  private turnover: Float64Array;
  private cost: Float64Array;

  constructor(capacity: number) {
    const c = Math.max(8, capacity);
    this.row = new Int32Array(c);
    this.decisionRow = new Int32Array(c);
    this.rule = new Uint8Array(c);
    this.turnover = new Float64Array(c);
    this.cost = new Float64Array(c);
  }

  add(row: number, decisionRow: number, rule: number, turnover: number, cost: number): void {
    if (this.count === this.row.length) this.grow();
    const k = this.count++;
    this.row[k] = row;
    this.decisionRow[k] = decisionRow;
    this.rule[k] = rule;
    this.turnover[k] = turnover;
    this.cost[k] = cost;
  }

  /** The trades as the ledger holds them (arrays of exactly `count` entries). */
  done(): { count: number; row: Int32Array; decisionRow: Int32Array; rule: Uint8Array; turnover: Float64Array; cost: Float64Array } {
    const k = this.count;
    return { count: k, row: this.row.slice(0, k), decisionRow: this.decisionRow.slice(0, k), rule: this.rule.slice(0, k), turnover: this.turnover.slice(0, k), cost: this.cost.slice(0, k) };
  }

  private grow(): void {
    const c = 2 * this.row.length;
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (c: number) => T): T => {
      const b = make(c);
      b.set(a);
      return b;
    };
    this.row = widen(this.row, (k) => new Int32Array(k));
    this.decisionRow = widen(this.decisionRow, (k) => new Int32Array(k));
    this.rule = widen(this.rule, (k) => new Uint8Array(k));
    this.turnover = widen(this.turnover, (k) => new Float64Array(k));
    this.cost = widen(this.cost, (k) => new Float64Array(k));
  }
}
