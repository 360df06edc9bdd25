package org.marginsentinel.adapter.telegram.delivery;

/** Where a row stands in the send order: its priority, then its rank (lower first); ties go by age. */
record SendOrder(int priority, long rank) implements Comparable<SendOrder> {

    static final SendOrder MOST_URGENT = new SendOrder(Integer.MIN_VALUE, Long.MIN_VALUE);
    static final SendOrder LEAST_URGENT = new SendOrder(Integer.MAX_VALUE, Long.MAX_VALUE);

    @Override
    public int compareTo(SendOrder other) {
        int byPriority = Integer.compare(priority, other.priority);
        return byPriority != 0 ? byPriority : Long.compare(rank, other.rank);
    }
}
