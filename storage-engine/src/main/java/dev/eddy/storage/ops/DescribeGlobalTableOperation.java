package dev.eddy.storage.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import dev.eddy.api.Operation;
import dev.eddy.api.Req;
import dev.eddy.api.Validation;

/** DescribeGlobalTable (version 2017.11.29): Eddy has no global tables, so none is ever found. */
public final class DescribeGlobalTableOperation implements Operation {
  @Override
  public ObjectNode handle(ObjectNode request) {
    String name = new Req(request).str("GlobalTableName");
    new Validation().newTableName(name, "globalTableName").throwIfAny();
    throw new ApiException(ErrorCode.GLOBAL_TABLE_NOT_FOUND, "Global table not found");
  }
}
