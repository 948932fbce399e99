using System;
using System.Numerics;
using System.Threading;

namespace ShapedTensors.Kernels;

/// <summary>
/// Runs a <see cref="BlockedGemm"/> product on several threads without allocating: the rows are split into one
/// contiguous share per thread (whole micro-tile panels, balanced), the caller computes the first share, and
/// reusable thread-pool work items compute the others. One product at a time uses the workers; a product
/// that finds them busy runs on its own thread.
/// </summary>
internal static class ParallelRows<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The text of the exception that wraps a worker's (SEMANTICS.md §7.1, L20).</summary>
    internal const string WorkerFailed = "A worker of a parallel matrix product failed.";

    private static readonly object Gate = new();
    private static readonly ManualResetEventSlim Done = new(false);
    private static Share[] s_shares = Array.Empty<Share>();
    private static int s_pending;

    public static bool TryRun(BlockedGemm.Job<T> job, int panels, int threads)
    {
        if (!Monitor.TryEnter(Gate))
        {
            return false;
        }

        try
        {
            if (s_shares.Length < threads)
            {
                s_shares = new Share[threads];
                for (var i = 0; i < threads; i++)
                {
                    s_shares[i] = new Share();
                }
            }

            Done.Reset();
            s_pending = threads - 1;
            for (var t = 1; t < threads; t++)
            {
                var share = s_shares[t];
                share.Job = job;
                (share.First, share.Count) = Rows(job.Rows, panels, threads, t);
                share.Error = null;
                ThreadPool.UnsafeQueueUserWorkItem(share, preferLocal: false);
            }

            var (first, count) = Rows(job.Rows, panels, threads, 0);
            job.RunRows(first, count);
            Done.Wait();
            for (var t = 1; t < threads; t++)
            {
                if (s_shares[t].Error is { } error)
                {
                    throw new InvalidOperationException(WorkerFailed, error);
                }
            }

            return true;
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    // Thread t's rows: a balanced share of whole MR-row panels.
    private static (int First, int Count) Rows(int rows, int panels, int threads, int t)
    {
        var first = (int)((long)panels * t / threads) * BlockedGemm.MR;
        var end = Math.Min(rows, (int)((long)panels * (t + 1) / threads) * BlockedGemm.MR);
        return (first, Math.Max(0, end - first));
    }

    private sealed class Share : IThreadPoolWorkItem
    {
        public BlockedGemm.Job<T> Job;
        public int First;
        public int Count;
        public Exception? Error;

        public void Execute()
        {
            try
            {
                Job.RunRows(First, Count);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Error = e;
            }
            finally
            {
                if (Interlocked.Decrement(ref s_pending) == 0)
                {
                    Done.Set();
                }
            }
        }
    }
}
