/*
 * nd_test.h - hooks for the library's own tests, never part of its API.
 */
#ifndef ND_TEST_H
#define ND_TEST_H

/* Makes the n-th library allocation from now fail (n >= 1), and every later one when
 * sticky is 1; n = 0 turns injection off.  For tests of out-of-memory handling only. */
void nd_test_fail_alloc(unsigned long n, int sticky);

#endif /* ND_TEST_H */
