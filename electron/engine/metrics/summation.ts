/**
 * Kahan–Babuška–Neumaier compensated summation. A second accumulator carries
 * the rounding error of each addition, so to first order the error bound does
 * not grow with the number of terms, unlike a plain running sum.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(term: number): void {
    const total = this.sum + term;
    if (Math.abs(this.sum) >= Math.abs(term)) {
      this.compensation += this.sum - total + term;
    } else {
      this.compensation += term - total + this.sum;
    }
    this.sum = total;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
