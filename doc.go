// Package chime is the domain of the Amazon Chime administration service:
// accounts, users, their enumerations, the service interfaces the adapters
// implement or call, the error type, and the validation rules.
//
// It imports only the standard library. Storage engines (sqlstore, sqlite,
// postgres), the wire protocol (restjson, sigv4) and the command line
// (cmd/chime) import this package, never the reverse; TestDomainImports keeps
// it so.
package chime
