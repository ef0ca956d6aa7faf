import {
  type AttributeValue,
  ConditionalCheckFailedException,
} from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

type Item = Record<string, unknown>;
type Stored = Record<string, AttributeValue>;

/** What the stand-in reads from a command's input. */
interface Input {
  readonly TableName: string;
  readonly Key?: Item;
  readonly Item?: Item;
  readonly UpdateExpression?: string;
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Item;
}

/**
 * A bench-only stand-in for the DynamoDB document client: tables in memory,
 * for measuring the product's own CPU without the SDK's HTTP work or a
 * store's. It marshals items and values in and out as the document client
 * does (that work stays charged to the product) and understands exactly the
 * expressions the ledger and customer stores write: `SET` (with
 * `if_not_exists`), `ADD`, `REMOVE`, and conditions of `attribute_not_exists`,
 * `=`, `<>`, `<`, `AND`, `OR` and parentheses. A failed condition throws
 * `ConditionalCheckFailedException`, as DynamoDB answers. Not a DynamoDB:
 * tests of the stores run against dynalite.
 */
export class InMemoryDocumentClient {
  readonly #tables = new Map<string, Map<string, Stored>>();

  /** Runs a `GetCommand`, `PutCommand` or `UpdateCommand`. */
  async send(command: { input: unknown }): Promise<{
    Item?: Item;
    Attributes?: Item;
  }> {
    const input = command.input as Input;
    const table = this.#table(input.TableName);
    const keyOf = (item: Item) => JSON.stringify(marshall(item));
    if (command instanceof GetCommand) {
      const stored = table.get(keyOf(input.Key ?? {}));
      return stored ? { Item: unmarshall(stored) } : {};
    }
    const key = keyOf(
      input.Key ?? { [firstKeyName(input.Item)]: firstKeyValue(input.Item) },
    );
    const current = table.get(key);
    const values = marshall(input.ExpressionAttributeValues ?? {});
    const names = input.ExpressionAttributeNames ?? {};
    const before = current ? unmarshall(current) : undefined;
    if (input.ConditionExpression) {
      const context = { names, values: unmarshall(values), item: before };
      if (!evaluate(tokenize(input.ConditionExpression), context)) {
        throw new ConditionalCheckFailedException({
          message: 'The conditional request failed',
          $metadata: {},
        });
      }
    }
    if (command instanceof PutCommand) {
      table.set(key, marshall(input.Item ?? {}, MARSHALL));
      return {};
    }
    if (command instanceof UpdateCommand) {
      const after = applyUpdate(
        { ...(input.Key ?? {}), ...(before ?? {}) },
        input.UpdateExpression ?? '',
        { names, values: unmarshall(values) },
      );
      const stored = marshall(after, MARSHALL);
      table.set(key, stored);
      return { Attributes: unmarshall(stored) };
    }
    throw new Error('The in-memory document client runs Get, Put, Update');
  }

  /** Makes it usable where the stores expect the SDK's document client. */
  asDocumentClient(): DynamoDBDocumentClient {
    return this as unknown as DynamoDBDocumentClient;
  }

  #table(name: string): Map<string, Stored> {
    let table = this.#tables.get(name);
    if (!table) {
      table = new Map();
      this.#tables.set(name, table);
    }
    return table;
  }
}

const MARSHALL = { removeUndefinedValues: true };

function firstKeyName(item: Item | undefined): string {
  return 'customerId' in (item ?? {}) ? 'customerId' : 'eventId';
}

function firstKeyValue(item: Item | undefined): unknown {
  return item?.[firstKeyName(item)];
}

interface Context {
  readonly names: Record<string, string>;
  readonly values: Item;
  readonly item?: Item | undefined;
}

function tokenize(expression: string): string[] {
  return expression.match(/[#:]?[A-Za-z_]\w*|<>|[<=(),]/g) ?? [];
}

function resolveName(token: string, context: Context): string {
  return token.startsWith('#') ? (context.names[token] ?? token) : token;
}

function operand(token: string, context: Context): unknown {
  if (token.startsWith(':')) return context.values[token];
  return context.item?.[resolveName(token, context)];
}

/** Evaluates `a OR b`, `a AND b`, `( ... )` and comparisons, left to right. */
function evaluate(tokens: string[], context: Context): boolean {
  let position = 0;
  const orExpression = (): boolean => {
    let result = andExpression();
    while (tokens[position] === 'OR') {
      position++;
      result = andExpression() || result;
    }
    return result;
  };
  const andExpression = (): boolean => {
    let result = factor();
    while (tokens[position] === 'AND') {
      position++;
      result = factor() && result;
    }
    return result;
  };
  const factor = (): boolean => {
    const token = tokens[position++] ?? '';
    if (token === '(') {
      const result = orExpression();
      position++;
      return result;
    }
    if (token === 'attribute_not_exists') {
      const name = resolveName(tokens[position + 1] ?? '', context);
      position += 3;
      return context.item?.[name] === undefined;
    }
    const operator = tokens[position++];
    const left = operand(token, context) as number | string;
    const right = operand(tokens[position++] ?? '', context) as number | string;
    if (operator === '=') return left === right;
    if (operator === '<>') return left !== right;
    return left !== undefined && left < right;
  };
  return orExpression();
}

/** Applies `SET a = :v, b = if_not_exists(b, :v) ADD n :v REMOVE x, y`. */
function applyUpdate(item: Item, expression: string, context: Context): Item {
  const result = { ...item };
  const clauses = expression.split(/\b(SET|ADD|REMOVE)\b/).slice(1);
  for (let index = 0; index < clauses.length; index += 2) {
    const action = clauses[index];
    const parts = (clauses[index + 1] ?? '').split(/,(?![^(]*\))/);
    for (const part of parts.map((text) => text.trim()).filter(Boolean)) {
      if (action === 'REMOVE') {
        delete result[resolveName(part, context)];
      } else if (action === 'ADD') {
        const [name = '', value = ''] = part.split(/\s+/);
        const key = resolveName(name, context);
        result[key] =
          Number(result[key] ?? 0) + Number(operand(value, context));
      } else {
        const [name = '', value = ''] = part.split('=').map((s) => s.trim());
        const key = resolveName(name, context);
        const fallback = /^if_not_exists\(\s*\w+\s*,\s*(:\w+)\s*\)$/.exec(
          value,
        );
        result[key] = fallback
          ? (result[key] ?? operand(fallback[1] ?? '', context))
          : operand(value, context);
      }
    }
  }
  return result;
}
