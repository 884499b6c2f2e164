/**
 * What one request and one list may cost at most. One object, so that a test can shorten a
 * bound instead of waiting for it.
 */
export const TRANSPORT_LIMITS = {
	/** No byte from Cube for this long before its answer has begun: the attempt fails. */
	idleTimeoutMs: 30_000,
	/** One attempt, from sending to the last byte of the answer. */
	attemptDeadlineMs: 60_000,
	/** All attempts of one request, with the waits between them. */
	requestDeadlineMs: 120_000,
	/** A bigger answer is refused unread: a page of 500 customers is well under 1 MB. */
	maxAnswerBytes: 32 * 1024 * 1024,
	/** The most records one list read gathers; a `count` above it is refused before paging. */
	maxListRecords: 2_000_000,
	/** Whole re-reads of a list whose records were deleted while it was read. */
	listRereads: 2,
};
