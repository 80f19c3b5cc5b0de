// SPDX-License-Identifier: MIT
#include "regress.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "child_pool.h"
#include "gtkw_window.h"
#include "junit.h"
#include "model_cache.h"
#include "scenario.h"
#include "wave_views.h"

namespace irqsim {

namespace fs = std::filesystem;

namespace {

// ---- the cases ----

struct Case {
    std::string label;     // "spi", "ims:inta": the JUnit classname
    std::string scenario;  // "spi", "ims"
    std::string parent;    // ims: mbi, lpi, inta
    uint64_t seed = 0;
};

const char* const kImsParents[] = {"mbi", "lpi", "inta"};

bool expand_scenarios(const std::string& list, std::vector<Case>* out, std::string* err)
{
    std::vector<std::string> names;
    if (list.empty()) {
        for (const auto& s : scenarios())
            if (s.name != "core-demo")  // host-only, no RTL
                names.push_back(s.name);
    } else {
        std::stringstream ss(list);
        std::string item;
        while (std::getline(ss, item, ','))
            names.push_back(item);
    }
    for (const auto& n : names) {
        std::string base = n, parent;
        size_t colon = n.find(':');
        if (colon != std::string::npos) {
            base = n.substr(0, colon);
            parent = canonical_ims_parent(n.substr(colon + 1));
        }
        base = canonical_scenario_name(base);
        if (!find_scenario(base)) {
            *err = "unknown scenario '" + n + "' in --scenarios (irqsim list shows them)";
            return false;
        }
        if (base == "ims" && parent.empty()) {
            for (const char* p : kImsParents)
                out->push_back({"ims:" + std::string(p), "ims", p, 0});
            continue;
        }
        if (!parent.empty() && (base != "ims" || (parent != "mbi" && parent != "lpi" && parent != "inta"))) {
            *err = "bad scenario '" + n + "' (only ims takes a parent: ims:mbi, ims:lpi, ims:inta)";
            return false;
        }
        out->push_back({parent.empty() ? base : base + ":" + parent, base, parent, 0});
    }
    if (out->empty()) {
        *err = "--scenarios is empty";
        return false;
    }
    return true;
}

std::string case_file_base(const Case& c)
{
    std::string s = c.label;
    for (char& ch : s)
        if (ch == ':')
            ch = '-';
    return s + "-seed" + std::to_string(c.seed);
}

// the `irqsim run` arguments of a case (without the program name)
std::vector<std::string> run_args(const Case& c, const RegressConfig& rc)
{
    std::vector<std::string> a = {"run", c.scenario, "--seed", std::to_string(c.seed)};
    if (!c.parent.empty())
        a.insert(a.end(), {"--parent", c.parent});
    if (rc.events)
        a.insert(a.end(), {"--events", std::to_string(rc.events)});
    if (rc.cpus)
        a.insert(a.end(), {"--cpus", std::to_string(rc.cpus)});
    if (rc.cycles)
        a.insert(a.end(), {"--cycles", std::to_string(rc.cycles)});
    // every case names its EOI mode, so its reproducer line does too
    const bool split = rc.eoi_mode == "1" || (rc.eoi_mode == "seed" && c.seed % 2 == 1);
    a.insert(a.end(), {"--eoi-mode", split ? "1" : "0"});
    if (rc.move_percent >= 0 && c.scenario == "spi")
        a.insert(a.end(), {"--move-percent", std::to_string(rc.move_percent)});
    if (rc.drop_event != ~0ull && c.scenario == "spi")
        a.insert(a.end(), {"--drop-event", std::to_string(rc.drop_event)});
    return a;
}

std::string shell_line(const std::vector<std::string>& args)
{
    std::string s = "irqsim";
    for (const auto& a : args)
        s += " " + a;
    return s;
}

// ---- results ----

struct CaseResult {
    Case c;
    bool pass = false;
    bool done = false;      // finished (not interrupted)
    std::string reason;     // first divergent hop / why it failed
    nlohmann::json report;  // the child's JSON report (null if none)
    std::string log, report_path;
    std::vector<std::string> attachments;
    double wall = 0;
};

std::string last_error_line(const std::string& log)
{
    std::ifstream f(log);
    std::string line, last;
    while (std::getline(f, line))
        if (line.rfind("irqsim: ", 0) == 0)
            last = line.substr(8);
    return last;
}

std::string signal_name(int sig)
{
    const char* d = strsignal(sig);
    return "signal " + std::to_string(sig) + (d ? " (" + std::string(d) + ")" : "");
}

void judge(CaseResult& cr, const ChildOutcome& o, double timeout_s)
{
    cr.done = true;
    cr.wall = o.wall;
    if (!o.spawn_error.empty()) {
        cr.reason = o.spawn_error;
        return;
    }
    if (o.timed_out) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "timeout: killed after %g s wall", timeout_s);
        cr.reason = buf;
        return;
    }
    if (o.signaled) {
        cr.reason = "crashed: " + signal_name(o.code);
        return;
    }
    std::ifstream f(cr.report_path);
    if (!f) {
        std::string why = last_error_line(cr.log);
        cr.reason =
            "no report written (exit code " + std::to_string(o.code) + ")" + (why.empty() ? "" : ": " + why);
        return;
    }
    try {
        f >> cr.report;
        if (!cr.report.is_object() || !cr.report.value("verdict", nlohmann::json()).is_object() ||
            !cr.report.value("problems", nlohmann::json::array()).is_array())
            throw std::runtime_error("not an irqsim report");
        for (const auto& p : cr.report.value("problems", nlohmann::json::array()))
            if (!p.is_string())
                throw std::runtime_error("not an irqsim report");
    } catch (const std::exception&) {
        cr.report = nullptr;
        cr.reason = "report unreadable (exit code " + std::to_string(o.code) + ")";
        return;
    }
    bool verdict_pass = cr.report["verdict"].value("pass", false);
    cr.pass = verdict_pass && o.code == 0;
    if (cr.pass)
        return;
    const nlohmann::json ff = cr.report.value("first_failure", nlohmann::json());
    if (ff.is_object())
        cr.reason = ff.value("kind", std::string("lost")) + ": " + ff.value("text", std::string());
    if (cr.reason.empty() && cr.report.contains("problems") && !cr.report["problems"].empty())
        cr.reason = cr.report["problems"][0].get<std::string>();
    if (cr.reason.empty()) {
        std::string why = last_error_line(cr.log);
        cr.reason = why.empty() ? "exit code " + std::to_string(o.code) : why;
    }
}

std::string read_file(const std::string& path)
{
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The window and markers of a failing case's first failure; false if the
// report has no event to window (spurious handler runs, RTL errors, crashes).
bool failure_window(const nlohmann::json& ff, uint64_t margin, uint64_t* start, uint64_t* end)
{
    if (!ff.is_object())
        return false;
    uint64_t inj = ff.value("injected_cycle", uint64_t{0});
    uint64_t last = std::max(inj, ff.value("last_hop_cycle", uint64_t{0}));
    *start = inj > margin ? inj - margin : 0;
    *end = last + margin;
    if (*end - *start > 200000)  // a hop found far later: keep the trace small
        *end = *start + 200000;
    return true;
}

void write_failure_view(CaseResult& cr, const RegressConfig& rc, const std::string& fst, uint64_t start,
                        uint64_t end)
{
    const nlohmann::json ff = cr.report.value("first_failure", nlohmann::json::object());
    FailureView v;
    // the view of the case's topology: --views, else the one the rerun wrote beside
    // its trace (a non-default topology, wave_views.h), else the committed one
    std::string name = view_for_scenario(cr.c.label), beside = view_path_beside(fst);
    std::string view_file = !rc.views_dir.empty() ? rc.views_dir + "/" + name + ".gtkw"
                            : fs::exists(beside)  ? beside
                                                  : committed_view(name);
    v.view_text = read_file(view_file);
    v.fst_path = fs::absolute(fst).string();
    v.start = start;
    v.end = end;
    v.intid = ff.value("intid", 0u);
    v.cpu = ff.value("cpu", -1);
    std::string src = ff.value("source", std::string("?"));
    std::string kind = ff.value("kind", std::string("lost"));
    v.title = kind + ": " + src + (v.intid ? " INTID " + std::to_string(v.intid) : "") + " (virq " +
              std::to_string(ff.value("virq", 0u)) + ") cpu " + std::to_string(v.cpu);
    v.markers.push_back({"injection", ff.value("injected_cycle", uint64_t{0})});
    static const std::map<std::string, std::string> wanted = {
        {"spi_pending", "pending"}, {"iar", "IAR"}, {"eoir", "EOI"}};
    bool reached_eoi = false;
    for (const auto& h : ff.value("hops", nlohmann::json::array())) {
        auto it = wanted.find(h.value("hop", std::string()));
        if (it == wanted.end())
            continue;
        v.markers.push_back({it->second, h.value("cycle", uint64_t{0})});
        reached_eoi |= it->second == "EOI";
    }
    std::string missing = ff.value("missing_hop", std::string());
    if (!reached_eoi)
        v.markers.push_back({"stopped" + (missing.empty() ? std::string() : "_before_" + missing),
                             ff.value("last_hop_cycle", uint64_t{0})});
    std::string gtkw = beside;
    std::ofstream f(gtkw);
    f << "[*] irqsim regress: " << v.title << ", cycles " << start << "-" << end << "\n"
      << "[*] reproduce: " << shell_line(run_args(cr.c, rc)) << "\n"
      << failure_gtkw(v);
    if (f)
        cr.attachments.push_back(fs::absolute(gtkw).string());
}

JunitCase to_junit(const CaseResult& cr, const RegressConfig& rc)
{
    JunitCase j;
    j.classname = cr.c.label;
    j.name = "seed " + std::to_string(cr.c.seed);
    j.time = cr.wall;
    j.properties.push_back({"seed", std::to_string(cr.c.seed)});
    const nlohmann::json& r = cr.report;
    if (r.is_object()) {
        uint64_t cycles = r.value("/time/simulated"_json_pointer, uint64_t{0});
        double wall_s = r.value("/time/wall_seconds"_json_pointer, 0.0);
        char buf[64];
        j.properties.push_back({"sim_cycles", std::to_string(cycles)});
        std::snprintf(buf, sizeof buf, "%.3f", wall_s);
        j.properties.push_back({"wall_s", buf});
        std::snprintf(buf, sizeof buf, "%.0f", wall_s > 0 ? static_cast<double>(cycles) / wall_s : 0.0);
        j.properties.push_back({"cycles_per_s", buf});
        const nlohmann::json v = r.value("verdict", nlohmann::json::object());
        for (const char* k : {"injected", "delivered", "coalesced", "lost", "spurious", "wrong_cpu"})
            j.properties.push_back({k, std::to_string(v.value(k, uint64_t{0}))});
    }
    std::string repro = shell_line(run_args(cr.c, rc));
    j.system_out = "reproduce: " + repro + "\n";
    if (!cr.pass) {
        j.failed = true;
        j.failure_message = cr.reason;
        std::string t = "reproduce: " + repro + "\n";
        if (r.is_object())
            for (const auto& p : r.value("problems", nlohmann::json::array()))
                t += "problem: " + p.get<std::string>() + "\n";
        t += "log: " + cr.log + "\n";
        j.failure_text = t;
    }
    for (const auto& a : cr.attachments)
        j.system_out += "[[ATTACHMENT|" + a + "]]\n";
    return j;
}

}  // namespace

int merge_regress(const RegressConfig& rc)
{
    std::string err;
    if (!merge_junit(rc.merge_inputs, rc.merge_out, &err)) {
        std::fprintf(stderr, "irqsim: %s\n", err.c_str());
        return 2;
    }
    std::printf("merged %zu files into %s\n", rc.merge_inputs.size(), rc.merge_out.c_str());
    return 0;
}

int run_regress(const RegressConfig& rc_in)
{
    RegressConfig rc = rc_in;
    std::string err;
    std::vector<uint64_t> seeds;
    std::vector<Case> kinds;
    unsigned shard_i = 0, shard_n = 1;
    if (!parse_seed_list(rc.seeds, &seeds, &err) || !expand_scenarios(rc.scenarios, &kinds, &err) ||
        (!rc.shard.empty() && !parse_shard(rc.shard, &shard_i, &shard_n, &err))) {
        std::fprintf(stderr, "irqsim: %s\n", err.c_str());
        return 2;
    }
    if (rc.drop_event != ~0ull) {
        bool spi = false;
        for (const auto& k : kinds)
            spi |= k.scenario == "spi";
        if (!spi) {
            std::fprintf(stderr, "irqsim: --drop-event applies to spi cases only\n");
            return 2;
        }
    }
    // --cpus N's model before the children start: built once here (one progress
    // line), not raced for by every child (they would wait on its lock).
    if (rc.cpus &&
        std::any_of(kinds.begin(), kinds.end(), [](const Case& k) { return k.scenario != "core-demo"; }) &&
        !prepare_soc_model({{"NUM_CPUS", rc.cpus}}, &err)) {
        std::fprintf(stderr, "irqsim: --cpus %u: %s\n", rc.cpus, err.c_str());
        return 2;
    }
    // The driver core is a process-wide singleton: every case is a fresh process
    // of this very executable (the path read now, before anything could replace it).
    char exe_buf[4096];
    ssize_t n = readlink("/proc/self/exe", exe_buf, sizeof exe_buf - 1);
    if (n <= 0) {
        std::fprintf(stderr, "irqsim: cannot read /proc/self/exe: %s\n", std::strerror(errno));
        return 2;
    }
    std::string exe(exe_buf, static_cast<size_t>(n));
    std::error_code ec;
    fs::create_directories(rc.out_dir, ec);
    if (ec || !fs::is_directory(rc.out_dir)) {
        std::fprintf(stderr, "irqsim: cannot create output directory %s\n", rc.out_dir.c_str());
        return 2;
    }
    rc.out_dir = fs::absolute(rc.out_dir).string();
    if (rc.jobs == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        rc.jobs = cpus > 0 ? static_cast<unsigned>(cpus) : 1;
    }

    // deterministic order: seed-major, so every shard gets a mix of scenarios
    std::vector<CaseResult> cases;
    size_t index = 0;
    for (uint64_t s : seeds)
        for (const auto& k : kinds) {
            if (index++ % shard_n != shard_i)
                continue;
            CaseResult cr;
            cr.c = k;
            cr.c.seed = s;
            std::string base = rc.out_dir + "/" + case_file_base(cr.c);
            cr.log = base + ".log";
            cr.report_path = base + ".json";
            cases.push_back(std::move(cr));
        }
    std::printf("irqsim regress: %zu cases (%zu seeds x %zu scenarios%s), -j %u, results in %s\n",
                cases.size(), seeds.size(), kinds.size(),
                rc.shard.empty() ? "" : (", shard " + rc.shard).c_str(), rc.jobs, rc.out_dir.c_str());
    std::fflush(stdout);

    catch_stop_signals();

    std::vector<ChildJob> jobs;
    for (const auto& cr : cases) {
        ChildJob j{run_args(cr.c, rc), cr.log};
        j.args.insert(j.args.end(), {"--report", cr.report_path});
        std::remove(cr.report_path.c_str());  // a stale report must not pass for this run
        jobs.push_back(std::move(j));
    }
    run_children(exe, jobs, rc.jobs, rc.timeout_s, [&](size_t i, const ChildOutcome& o) {
        CaseResult& cr = cases[i];
        judge(cr, o, rc.timeout_s);
        if (!cr.pass)
            cr.attachments = {cr.log};
        if (cr.pass)
            std::printf("PASS %s seed %llu  (%.2f s)\n", cr.c.label.c_str(), (unsigned long long)cr.c.seed,
                        cr.wall);
        else
            std::printf("FAIL %s seed %llu: %s\n", cr.c.label.c_str(), (unsigned long long)cr.c.seed,
                        cr.reason.c_str());
        std::fflush(stdout);
    });

    // Failing cases with an event to look at: rerun with a trace of its window.
    if (rc.rerun && !stop_signal_received()) {
        std::vector<ChildJob> reruns;
        std::vector<std::pair<size_t, std::pair<uint64_t, uint64_t>>> which;
        for (size_t i = 0; i < cases.size(); i++) {
            CaseResult& cr = cases[i];
            uint64_t start, end;
            if (cr.pass || !cr.done || !cr.report.is_object() ||
                !failure_window(cr.report.value("first_failure", nlohmann::json()), rc.window_margin, &start,
                                &end))
                continue;
            std::string base = rc.out_dir + "/" + case_file_base(cr.c);
            ChildJob j{run_args(cr.c, rc), base + ".rerun.log"};
            j.args.insert(j.args.end(), {"--wave", base + ".fst", "--wave-window",
                                         std::to_string(start) + ":" + std::to_string(end), "--report",
                                         base + ".rerun.json"});
            std::remove((base + ".fst").c_str());
            std::remove((base + ".gtkw").c_str());  // so that one found after the rerun is its own
            reruns.push_back(std::move(j));
            which.push_back({i, {start, end}});
        }
        if (!reruns.empty())
            std::printf("rerunning %zu failing case(s) with a trace of the failing event's window\n",
                        reruns.size());
        run_children(exe, reruns, rc.jobs, rc.timeout_s, [&](size_t k, const ChildOutcome&) {
            CaseResult& cr = cases[which[k].first];
            std::string base = rc.out_dir + "/" + case_file_base(cr.c);
            std::string fst = base + ".fst";
            if (!fs::exists(fst)) {
                std::printf("  %s seed %llu: the rerun wrote no trace (log: %s)\n", cr.c.label.c_str(),
                            (unsigned long long)cr.c.seed, reruns[k].log.c_str());
                cr.attachments.push_back(reruns[k].log);
                return;
            }
            cr.attachments.push_back(fst);
            write_failure_view(cr, rc, fst, which[k].second.first, which[k].second.second);
            if (fs::exists(base + ".bus.log"))
                cr.attachments.push_back(base + ".bus.log");
            std::printf("  %s seed %llu: gtkwave %s.gtkw\n", cr.c.label.c_str(),
                        (unsigned long long)cr.c.seed, base.c_str());
        });
    }

    size_t passed = 0, failed = 0, not_run = 0;
    std::vector<JunitCase> junit;
    for (const auto& cr : cases) {
        if (!cr.done) {
            not_run++;
            continue;
        }
        (cr.pass ? passed : failed)++;
        junit.push_back(to_junit(cr, rc));
    }
    int rcode = failed || not_run ? 1 : 0;
    if (!rc.junit_path.empty()) {
        std::string suite = "irqsim regress" + (rc.shard.empty() ? std::string() : " shard " + rc.shard);
        if (!write_junit(rc.junit_path, suite, junit, &err)) {
            std::fprintf(stderr, "irqsim: %s\n", err.c_str());
            rcode = 2;
        } else {
            std::printf("junit: %s\n", rc.junit_path.c_str());
        }
    }
    if (stop_signal_received())
        std::printf("interrupted by %s: %zu case(s) not finished (not in the JUnit)\n",
                    strsignal(stop_signal_received()), not_run);
    std::printf("%zu passed, %zu failed\n", passed, failed);
    std::fflush(stdout);
    restore_stop_signals();
    if (stop_signal_received())
        return 128 + stop_signal_received();
    return rcode;
}

void regress_test_fault(uint64_t seed)
{
    const char* spec = std::getenv("IRQSIM_TEST_CHILD_FAULT");
    if (!spec)
        return;
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
        size_t at = item.find('@');
        if (at == std::string::npos || item.substr(at + 1) != std::to_string(seed))
            continue;
        std::string what = item.substr(0, at);
        if (what == "crash")
            std::abort();
        if (what == "hang")
            for (;;)
                pause();
        if (what == "noreport")
            std::_Exit(0);
    }
}

}  // namespace irqsim
