namespace ChatOps.Cards.Text;

/// <summary>Finds how many list items a card can show and still fit a platform limit.</summary>
public static class ListFitter
{
    /// <summary>
    /// The largest n in [0, <paramref name="count"/>] for which <paramref name="fits"/>(n) holds, assuming fitting is
    /// monotone (fewer items never makes a card bigger). Throws when not even zero items fit: a bug, not user input.
    /// </summary>
    public static int LargestFitting(int count, Func<int, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        if (fits(count))
        {
            return count;
        }

        if (!fits(0))
        {
            throw new InvalidOperationException("The card does not fit the platform limit even with no list items.");
        }

        int low = 0, high = count;
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (fits(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
