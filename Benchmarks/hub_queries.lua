-- wrk script for the search-hub benchmark: cycles through the query mix (one request path a line,
-- e.g. /api/v1/search?q=...&theme=ECON) and prints p50/p90/p99, requests/s and errors when done.
-- Usage: wrk -t2 -c16 -d20s --latency -s Benchmarks/hub_queries.lua http://127.0.0.1:PORT Benchmarks/hub-queries.txt

local paths = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or "Benchmarks/hub-queries.txt"
  for line in io.lines(file) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no queries in " .. file) end
  -- threads start at different places in the mix so they do not ask the same query at once
  counter = (id or 0) * math.floor(#paths / 2)
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write("hub benchmark\n")
  io.write(string.format("  requests:   %d in %.1f s = %.0f req/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("  errors:     connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("  p%-5s     %.2f ms\n", tostring(p), latency:percentile(p) / 1000))
  end
  io.write(string.format("  mean %.2f ms, max %.2f ms\n", latency.mean / 1000, latency.max / 1000))
end
