"""Demo and simulation content: a pure, deterministic text generator (`corpus`) and the code that
loads it into the database (`build`, used by `lodestar demo-data`).

Everything except `build` is plain Python without Django, so benchmarks and the future
`lodestar simulate` can generate thousands of applications and experts without a database.
"""
