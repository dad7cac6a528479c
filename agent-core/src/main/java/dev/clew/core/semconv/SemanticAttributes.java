package dev.clew.core.semconv;

/**
 * The attribute names clew records, from the OpenTelemetry semantic conventions, in one place: the core and
 * every instrumentation module write them through these constants, never as literals. (Tests keep literals:
 * they check the name on the wire, so a wrong constant cannot make them pass.) Compile-time constants, so
 * using one costs nothing at run time and loads no class.
 */
public final class SemanticAttributes {
  private SemanticAttributes() {}

  // resource
  public static final String SERVICE_NAME = "service.name";
  public static final String TELEMETRY_SDK_NAME = "telemetry.sdk.name";
  public static final String TELEMETRY_SDK_LANGUAGE = "telemetry.sdk.language";
  public static final String TELEMETRY_SDK_VERSION = "telemetry.sdk.version";
  public static final String HOST_NAME = "host.name";
  public static final String PROCESS_PID = "process.pid";
  public static final String PROCESS_RUNTIME_NAME = "process.runtime.name";
  public static final String PROCESS_RUNTIME_VERSION = "process.runtime.version";
  public static final String PROCESS_RUNTIME_DESCRIPTION = "process.runtime.description";
  public static final String OS_TYPE = "os.type";

  // errors and the exception event
  public static final String ERROR_TYPE = "error.type";
  public static final String EXCEPTION_TYPE = "exception.type";
  public static final String EXCEPTION_MESSAGE = "exception.message";
  public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

  // HTTP
  public static final String HTTP_REQUEST_METHOD = "http.request.method";
  public static final String HTTP_REQUEST_METHOD_ORIGINAL = "http.request.method_original";
  public static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
  public static final String HTTP_ROUTE = "http.route";
  /** Followed by the lower-case header name; the value is a string array. */
  public static final String HTTP_REQUEST_HEADER_PREFIX = "http.request.header.";
  public static final String HTTP_RESPONSE_HEADER_PREFIX = "http.response.header.";
  public static final String URL_FULL = "url.full";
  public static final String URL_SCHEME = "url.scheme";
  public static final String URL_PATH = "url.path";
  public static final String URL_QUERY = "url.query";
  public static final String USER_AGENT_ORIGINAL = "user_agent.original";

  // network endpoints
  public static final String SERVER_ADDRESS = "server.address";
  public static final String SERVER_PORT = "server.port";
  public static final String CLIENT_ADDRESS = "client.address";
  public static final String CLIENT_PORT = "client.port";
  public static final String NETWORK_PEER_ADDRESS = "network.peer.address";
  public static final String NETWORK_PEER_PORT = "network.peer.port";
  public static final String NETWORK_PROTOCOL_VERSION = "network.protocol.version";
  public static final String PEER_SERVICE = "peer.service";

  // databases
  public static final String DB_SYSTEM_NAME = "db.system.name";
  public static final String DB_NAMESPACE = "db.namespace";
  public static final String DB_OPERATION_NAME = "db.operation.name";
  public static final String DB_OPERATION_BATCH_SIZE = "db.operation.batch.size";
  public static final String DB_QUERY_TEXT = "db.query.text";
  public static final String DB_COLLECTION_NAME = "db.collection.name";
  public static final String DB_STORED_PROCEDURE_NAME = "db.stored_procedure.name";
  public static final String DB_RESPONSE_STATUS_CODE = "db.response.status_code";
  /** Opt-in ({@code clew.jdbc.db-user.enabled}): the database user; dropped by the current conventions. */
  public static final String DB_USER = "db.user";

  // messaging
  public static final String MESSAGING_SYSTEM = "messaging.system";
  public static final String MESSAGING_OPERATION_TYPE = "messaging.operation.type";
  public static final String MESSAGING_OPERATION_NAME = "messaging.operation.name";
  public static final String MESSAGING_DESTINATION_NAME = "messaging.destination.name";
  public static final String MESSAGING_DESTINATION_PARTITION_ID = "messaging.destination.partition.id";
  public static final String MESSAGING_CLIENT_ID = "messaging.client.id";
  public static final String MESSAGING_CONSUMER_GROUP_NAME = "messaging.consumer.group.name";
  public static final String MESSAGING_BATCH_MESSAGE_COUNT = "messaging.batch.message_count";
  public static final String MESSAGING_KAFKA_OFFSET = "messaging.kafka.offset";
  public static final String MESSAGING_KAFKA_MESSAGE_KEY = "messaging.kafka.message.key";
  public static final String MESSAGING_KAFKA_MESSAGE_TOMBSTONE = "messaging.kafka.message.tombstone";

  // RPC
  public static final String RPC_SYSTEM = "rpc.system";
  public static final String RPC_SERVICE = "rpc.service";
  public static final String RPC_METHOD = "rpc.method";
  public static final String RPC_GRPC_STATUS_CODE = "rpc.grpc.status_code";
  /** Followed by the lower-case metadata key; the value is a string array. */
  public static final String RPC_GRPC_REQUEST_METADATA_PREFIX = "rpc.grpc.request.metadata.";
  /** On {@code rpc.message} events: {@code SENT} or {@code RECEIVED}. */
  public static final String RPC_MESSAGE_TYPE = "rpc.message.type";
  /** On {@code rpc.message} events: the message's 1-based number in its direction. */
  public static final String RPC_MESSAGE_ID = "rpc.message.id";

  // the thread that started a span (on every span, unless otel.javaagent.add-thread-details=false)
  public static final String THREAD_ID = "thread.id";
  public static final String THREAD_NAME = "thread.name";

  // code (method tracing)
  public static final String CODE_NAMESPACE = "code.namespace";
  public static final String CODE_FUNCTION = "code.function";

  // superseded names, only read (the viewer shows spans that other or older producers wrote)
  public static final String DB_STATEMENT = "db.statement";
  public static final String MESSAGING_DESTINATION = "messaging.destination";
  public static final String NET_PEER_NAME = "net.peer.name";
  public static final String NET_PEER_PORT = "net.peer.port";
}
