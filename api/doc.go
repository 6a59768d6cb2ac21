// Package api is fazhi's JSON API: gin routes, request parsing and
// validation, the error-to-status mapping, and JSON/CSV encoding. Handlers
// are thin: parse the request into a typed value, call the warehouse,
// respond. It imports warehouse only; it never speaks SQL (the read-only SQL
// endpoint hands the text to the sandbox of warehouse/sqlbox, whose worker
// processes check and run it).
package api
