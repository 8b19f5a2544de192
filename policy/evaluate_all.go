package policy

// EvaluateAll is judge applied to every subject of pool, in pool order:
// out[i] is judge(pool.Subject(i)), exactly what a loop over the pool
// gives. A large pool is judged in contiguous chunks of the index range,
// one on each processor (workersFor), each result written at its index,
// so judge must only read what it shares: Evaluate and LikelyVerdict
// over a Places counted beforehand (CountPlaces, CountCircleAsks) do.
func EvaluateAll[T any](pool Pool, judge func(Subject) T) []T {
	if pool == nil {
		return nil
	}
	return evaluateAll(pool, judge, workersFor(pool.Len()))
}

// evaluateAll is EvaluateAll on the given number of workers.
func evaluateAll[T any](pool Pool, judge func(Subject) T, workers int) []T {
	n := pool.Len()
	out := make([]T, n)
	parallel(n, workers, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = judge(pool.Subject(i))
		}
	})
	return out
}
