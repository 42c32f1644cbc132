/**
 * Lua for `RedisStore`: every read-modify-write the SQLite store does inside one statement runs here
 * as one script, so two BFF instances can never both win the same idempotency key or lose a counter hit.
 *
 * Expiry is kept as a field (`exp`, epoch ms) and checked in the script, with a Redis TTL on top only
 * to free memory. Time comes from ARGV[1] when the caller pins a clock (tests), else from Redis `TIME`,
 * so every instance judges expiry by the same clock.
 */

const NOW = `
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`

/**
 * KEYS[1] record, KEYS[2] lease index (zset record key → lease end); ARGV: now, fingerprint, ttlMs, leaseMs
 * → {'claimed'} | {'claimed', 'recovered'} | {'pending', fp} | {'done', fp, status, body}. A pending record
 * whose lease ran out is taken over by the next caller with the same fingerprint.
 */
export const CLAIM = `${NOW}
local exp = tonumber(redis.call('HGET', KEYS[1], 'exp'))
if exp and exp <= now then redis.call('DEL', KEYS[1]) end
local lease = now + tonumber(ARGV[4])
if redis.call('EXISTS', KEYS[1]) == 0 then
  local ttl = tonumber(ARGV[3])
  redis.call('HSET', KEYS[1], 'fp', ARGV[2], 'exp', now + ttl, 'lease', lease)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('ZADD', KEYS[2], lease, KEYS[1])
  return {'claimed'}
end
local r = redis.call('HMGET', KEYS[1], 'fp', 'status', 'body', 'lease')
if not r[2] then
  if r[1] == ARGV[2] and (tonumber(r[4]) or 0) <= now then
    redis.call('HSET', KEYS[1], 'lease', lease)
    redis.call('ZADD', KEYS[2], lease, KEYS[1])
    return {'claimed', 'recovered'}
  end
  return {'pending', r[1]}
end
return {'done', r[1], r[2], r[3]}
`

/** KEYS[1] record, KEYS[2] lease index; ARGV: now, status, body. Only a record still held is completed (as SQLite's UPDATE). */
export const COMPLETE = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'status', ARGV[2], 'body', ARGV[3])
end
redis.call('ZREM', KEYS[2], KEYS[1])
return 1
`

/** KEYS[1] record, KEYS[2] lease index. A completed answer is never released. */
export const RELEASE = `
if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HEXISTS', KEYS[1], 'status') == 0 then
  redis.call('DEL', KEYS[1])
end
redis.call('ZREM', KEYS[2], KEYS[1])
return 1
`

/**
 * KEYS[1] lease index; ARGV: now, key prefix, limit, leaseMs → record keys whose lease ran out, each taken
 * over for another lease. Index entries of records gone or completed are dropped on the way.
 */
export const TAKE_STALE = `${NOW}
local out = {}
local lease = now + tonumber(ARGV[4])
for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 200)) do
  if #out >= tonumber(ARGV[3]) then break end
  local r = redis.call('HMGET', key, 'status', 'exp')
  if not r[2] or r[1] or tonumber(r[2]) <= now then
    redis.call('ZREM', KEYS[1], key)
  elseif string.sub(key, 1, #ARGV[2]) == ARGV[2] then
    redis.call('HSET', key, 'lease', lease)
    redis.call('ZADD', KEYS[1], lease, key)
    table.insert(out, key)
  end
end
return out
`

/** KEYS[1] counter; ARGV: now, windowMs → {count, msLeft}. The window starts at the first hit. */
export const HIT = `${NOW}
local exp = tonumber(redis.call('HGET', KEYS[1], 'exp'))
if not exp or exp <= now then
  local win = tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'count', 1, 'exp', now + win)
  redis.call('PEXPIRE', KEYS[1], win)
  return {1, win}
end
return {redis.call('HINCRBY', KEYS[1], 'count', 1), exp - now}
`

/**
 * KEYS[1] counter; ARGV: now, max, windowMs → {granted 0|1, count, msLeft}. Check and increment in one
 * script, so parallel attempts from every instance are granted at most `max` times; the one that reaches
 * `max` restarts the window (the lock).
 */
export const RESERVE = `${NOW}
local max = tonumber(ARGV[2])
local win = tonumber(ARGV[3])
local r = redis.call('HMGET', KEYS[1], 'count', 'exp')
local count = tonumber(r[1]) or 0
local exp = tonumber(r[2])
if not exp or exp <= now then count = 0; exp = now + win end
if count >= max then return {0, count, exp - now} end
count = count + 1
if count >= max then exp = now + win end
redis.call('HSET', KEYS[1], 'count', count, 'exp', exp)
redis.call('PEXPIRE', KEYS[1], exp - now)
return {1, count, exp - now}
`

/** KEYS[1] counter; ARGV: now. Gives one reservation back (never below zero, never revives an expired window). */
export const RELEASE_ATTEMPT = `${NOW}
local r = redis.call('HMGET', KEYS[1], 'count', 'exp')
local exp = tonumber(r[2])
if exp and exp > now and tonumber(r[1]) > 0 then redis.call('HINCRBY', KEYS[1], 'count', -1) end
return 1
`

/** KEYS[1] counter or value; ARGV: now, field → {field value, msLeft} or false when absent or expired. */
export const PEEK = `${NOW}
local r = redis.call('HMGET', KEYS[1], ARGV[2], 'exp')
local exp = tonumber(r[2])
if not exp or exp <= now then return false end
return {r[1], exp - now}
`

/** KEYS[1] value; ARGV: now → the value, deleted in the same step; false when absent or expired. */
export const TAKE_VALUE = `${NOW}
local r = redis.call('HMGET', KEYS[1], 'value', 'exp')
redis.call('DEL', KEYS[1])
local exp = tonumber(r[2])
if not exp or exp <= now then return false end
return r[1]
`

/** KEYS[1] value; ARGV: now, value, ttlMs. */
export const PUT_VALUE = `${NOW}
local ttl = tonumber(ARGV[3])
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'value', ARGV[2], 'exp', now + ttl)
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
`

/**
 * Outbox. KEYS: seq, due (zset id → available_at), owner index (zset id → id); ARGV: now, prefix of message
 * hashes, topic, payload, owner → id.
 */
export const ENQUEUE = `${NOW}
local id = redis.call('INCR', KEYS[1])
redis.call('HSET', ARGV[2] .. id, 'topic', ARGV[3], 'payload', ARGV[4], 'attempts', 0, 'created', now, 'owner', ARGV[5])
redis.call('ZADD', KEYS[2], now, id)
redis.call('ZADD', KEYS[3], id, id)
return id
`

/** KEYS: due; ARGV: now, message prefix, limit, leaseMs → flat list of id, topic, payload, attempts, created. */
export const LEASE = `${NOW}
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local key = ARGV[2] .. id
  if redis.call('EXISTS', key) == 1 then
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), id)
    local attempts = redis.call('HINCRBY', key, 'attempts', 1)
    local m = redis.call('HMGET', key, 'topic', 'payload', 'created')
    table.insert(out, id); table.insert(out, m[1]); table.insert(out, m[2]); table.insert(out, attempts); table.insert(out, m[3])
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out
`

/** KEYS: due; ARGV: now, message prefix, id, owner-index prefix. */
export const ACK = `
local key = ARGV[2] .. ARGV[3]
local m = redis.call('HMGET', key, 'topic', 'owner')
redis.call('ZREM', KEYS[1], ARGV[3])
if m[1] then redis.call('ZREM', ARGV[4] .. m[2] .. ':' .. m[1], ARGV[3]) end
redis.call('DEL', key)
return 1
`

/** KEYS: due; ARGV: now, delayMs, id. Only a message still in the outbox comes back. */
export const RETRY = `${NOW}
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[3])
return 1
`

/** KEYS: owner index; ARGV: now, message prefix → flat list of id, topic, payload, attempts, created. */
export const PENDING = `
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local m = redis.call('HMGET', ARGV[2] .. id, 'topic', 'payload', 'attempts', 'created')
  if m[1] then
    table.insert(out, id); table.insert(out, m[1]); table.insert(out, m[2]); table.insert(out, m[3]); table.insert(out, m[4])
  end
end
return out
`
