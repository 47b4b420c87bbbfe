// Users `import Bamboo` only: dtypes, scalars, errors and columns come along.
@_exported import BambooCore
// CSV options are part of `readCSV`'s signature.
@_exported import struct BambooIO.CSVReadOptions
// merge's options are part of its signature.
@_exported import enum BambooPlan.JoinHow
@_exported import enum BambooPlan.JoinValidation
// Options of groupby's rank.
@_exported import enum BambooPlan.DuplicateKeep
// What `Session.progress` observers receive.
@_exported import struct BambooPlan.ExecutionProgress
