#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the pyspark in .venv: one master and two
# workers with one core each, every port and web UI on 127.0.0.1.
#   scripts/spark-cluster.sh start   starts them (or says they are running) and waits until both
#                                    workers have registered; master: spark://127.0.0.1:7077
#   scripts/spark-cluster.sh stop    stops them
#   scripts/spark-cluster.sh status  says whether the master answers and how many workers it has
# State (pids, logs, the workers' executor folders) lives in .build/spark-cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."

state=.build/spark-cluster
spark_class=.venv/bin/spark-class
master_url=spark://127.0.0.1:7077
ui=http://127.0.0.1:8080/json/
# Spark binds its services and web UIs to SPARK_LOCAL_IP (else every address).
export SPARK_LOCAL_IP=127.0.0.1
# pyspark's copy of Spark: spark-class needs to be told where it is.
if [ -x .venv/bin/python3 ]; then
    SPARK_HOME=$(.venv/bin/python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
    export SPARK_HOME
fi
export SPARK_NO_DAEMONIZE=1

alive_workers() {
    curl -sf --max-time 2 "$ui" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin).get("aliveworkers", 0))' 2>/dev/null || echo none
}

# Runs "$@" in the background with its output in $1, holding none of this script's other file
# descriptors: a caller waiting for the end of a pipe (or of Foundation's child monitor) would
# otherwise wait as long as the daemons live. Prints the daemon's pid.
daemon() {
    local log=$1
    shift
    (
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        exec nohup "$@" </dev/null >"$log" 2>&1
    ) &
    echo $!
}

running() {
    local pid_file=$1
    [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

start() {
    [ -x "$spark_class" ] || { echo "spark-cluster: $spark_class is missing: run \`make spark\` first" >&2; exit 1; }
    mkdir -p "$state"
    if ! running "$state/master.pid"; then
        daemon "$state/master.log" "$spark_class" org.apache.spark.deploy.master.Master \
            --host 127.0.0.1 --port 7077 --webui-port 8080 >"$state/master.pid"
    fi
    for n in 1 2; do
        if ! running "$state/worker$n.pid"; then
            mkdir -p "$state/worker$n"
            daemon "$state/worker$n.log" "$spark_class" org.apache.spark.deploy.worker.Worker \
                --host 127.0.0.1 --cores 1 --memory 3g --webui-port $((8080 + n)) \
                --work-dir "$state/worker$n" "$master_url" >"$state/worker$n.pid"
        fi
    done
    for _ in $(seq 1 120); do
        if [ "$(alive_workers)" = 2 ]; then
            echo "spark-cluster: master $master_url with 2 workers (web UI http://127.0.0.1:8080/)"
            return 0
        fi
        sleep 1
    done
    echo "spark-cluster: the workers did not register within 120 s; see $state/*.log" >&2
    stop
    exit 1
}

stop() {
    for name in worker1 worker2 master; do
        if running "$state/$name.pid"; then
            kill "$(cat "$state/$name.pid")" 2>/dev/null || true
        fi
    done
    for name in worker1 worker2 master; do
        for _ in $(seq 1 50); do running "$state/$name.pid" || break; sleep 0.2; done
        if running "$state/$name.pid"; then kill -9 "$(cat "$state/$name.pid")" 2>/dev/null || true; fi
        rm -f "$state/$name.pid"
    done
    echo "spark-cluster: stopped"
}

status() {
    local workers
    workers=$(alive_workers)
    if [ "$workers" = none ]; then echo "spark-cluster: no master answers at $ui"; exit 1; fi
    echo "spark-cluster: master $master_url with $workers alive workers"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
