-- wrk script for scripts/bench/api: GET /qa/questions?product_id=N with N drawn uniformly from
-- [lo, hi] (passed after `--`: wrk ... -s questions.lua URL -- LO HI), like pgbench's
-- `\set p random(lo, hi)`. The request strings are formatted once per thread in init(), so the
-- per-request Lua work is one random draw and one table lookup.
local lo, hi
local requests = {}

function init(args)
  lo = tonumber(args[1]); hi = tonumber(args[2])
  -- each thread gets its own seed, else every thread would draw the same sequence
  math.randomseed(os.time() * 1000 + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
  for n = lo, hi do
    requests[n] = wrk.format("GET", "/qa/questions?product_id=" .. n)
  end
end

function request()
  return requests[math.random(lo, hi)]
end
