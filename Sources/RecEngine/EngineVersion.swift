/// The engine's version: printed in every report's provenance and part of every cache key.
public enum EngineVersion {
    public static let current = "0.1.0"
}
