// ClampedSum.swift: counts added from report data (DMARC row counts, TLS-RPT session
// counts) that a broken or hostile report may set near Int.max: the sum stops at the bounds
// instead of trapping.

extension Int {
    /// `self + other`, held at Int.max / Int.min instead of overflowing.
    public func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? Int.max : Int.min
    }
}
