// Stands in for the "server-only" package under vitest: the real one throws outside a React
// Server Components bundle, and the tests import server code directly on purpose.
export {};
