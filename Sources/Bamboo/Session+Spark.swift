#if Spark
import BambooCore
import BambooSpark

extension Session {
    /// A session whose plans run on a Spark Connect server (pyspark:
    /// `SparkSession.builder.remote("sc://host:15002").getOrCreate()`), returning pandas' results
    /// and row order. Available with the package trait `Spark`.
    ///
    /// ```swift
    /// let spark = try Session.spark("sc://127.0.0.1:15002")
    /// let df = try DataFrame(["a": [3, 1, 2]], session: spark)
    /// print(try await df.sortValues(by: "a").collect())      // computed by Spark
    /// ```
    ///
    /// A malformed connection string throws `invalidArgument` at once; the server is contacted on
    /// the first action, which fails with `backendError` if it cannot be reached within
    /// `connectTimeout`. Operations the Spark backend does not translate yet throw
    /// `unsupportedOnBackend` naming the operation, before anything runs.
    public static func spark(_ url: String, options: Options = Options(), connectTimeout: Duration = .seconds(10)) throws -> Session {
        let backend = try SparkBackend(url, configuration: SparkClientConfiguration(connectTimeout: connectTimeout))
        return Session(backend: backend, options: options)
    }
}
#endif
