import Testing
import BambooCore
@testable import BambooIO

@Test func smoke() throws {
    let t = try CSVReader.read(text: "a,b,c,d\n1,2.5,x,True\n3,,\"y,z\",False\n")
    for (l, c) in zip(t.labels, t.columns) { print(l, c.dtype, c.scalars.map(\.pythonRepr)) }
    print(CSVWriter.write(labels: t.labels, columns: t.columns, indexNames: [nil], indexColumns: [Column(int64: [0, 1])]))
}
