-- pingpong: a coroutine and the main program pass a counter back and
-- forth, 2,000,000 round trips; each resume/yield pair stands for the
-- two unbuffered channel handoffs of the Gol version.
local rounds = 2000000
local echo = coroutine.wrap(function(v)
  while true do
    v = coroutine.yield(v + 1)
  end
end)
local v = 0
for _ = 1, rounds do
  v = echo(v) + 1
end
print(string.format("%d", v))
