-- wrk script of the served benchmark: one page, a session cookie, a client address per request.
-- Arguments (after --): path, cookie ("" for anonymous).
-- The site runs as behind its TLS proxy (BEHIND_TLS_PROXY=1): the proxy's headers say https
-- and name the client, a new one each time, as the public API throttles per address.
local path, cookie
local n = 0

function init(args)
  path = args[1]
  cookie = args[2] or ""
end

function request()
  n = n + 1
  local headers = {
    ["Host"] = "127.0.0.1",
    ["X-Forwarded-Proto"] = "https",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.floor(n / 256) % 256, n % 256),
  }
  if cookie ~= "" then
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"errors": %d, "bad_status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
