// SPDX-License-Identifier: MIT
#include "soc_dt.h"

#include "firmware.h"
#include "gic_redist_regs.h"

#include <libfdt.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern const unsigned char irqsim_default_dtb[];
extern const unsigned long irqsim_default_dtb_size;

namespace irqsim {

std::vector<uint8_t> default_dtb()
{
    return std::vector<uint8_t>(irqsim_default_dtb, irqsim_default_dtb + irqsim_default_dtb_size);
}

namespace {

// What a child process wrote and how it ended.
struct ChildResult {
    std::vector<uint8_t> out;
    std::string errtext;
    int status = 0;
};

// Run argv (searched in PATH) without a shell: stdin from /dev/null, stdout and
// stderr read through pipes until both close.  No temporary files, so nothing
// is left behind if irqsim is killed meanwhile.  false + *err when it cannot start.
bool run_child(const std::vector<std::string>& args, ChildResult* r, std::string* err)
{
    int out_pipe[2], err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) {
        *err = std::string("cannot create a pipe: ") + std::strerror(errno);
        return false;
    }
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        *err = std::string("cannot create a pipe: ") + std::strerror(errno);
        close(out_pipe[0]);
        close(out_pipe[1]);
        return false;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (rc != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        *err = std::string("cannot run ") + args[0] + ": " + std::strerror(rc);
        return false;
    }
    // both pipes at once: a child blocked on a full stderr pipe would never finish stdout
    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int open_fds = 2;
    char buf[4096];
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (auto& f : fds) {
            if (f.fd < 0 || !(f.revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(f.fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                close(f.fd);
                f.fd = -1;
                open_fds--;
            } else if (&f == &fds[0]) {
                r->out.insert(r->out.end(), buf, buf + n);
            } else if (r->errtext.size() < 65536) {
                r->errtext.append(buf, static_cast<size_t>(n));
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0)
            close(f.fd);
    while (waitpid(pid, &r->status, 0) < 0) {
        if (errno != EINTR) {
            *err = std::string("cannot wait for ") + args[0] + ": " + std::strerror(errno);
            return false;
        }
    }
    return true;
}

std::vector<std::string> split_lines(const std::string& text)
{
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        while (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty())
            lines.push_back(line);
        pos = nl == std::string::npos ? text.size() : nl + 1;
    }
    return lines;
}

}  // namespace

bool compile_dts(const std::string& path, std::vector<uint8_t>* dtb, std::string* err,
                 std::vector<std::string>* warnings)
{
    // dtc would block forever on a FIFO and read a directory as an error
    // half-way; refuse anything but a regular file before starting it.
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
        *err = "device tree " + path + ": " + std::strerror(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = "device tree " + path + ": not a regular file";
        return false;
    }
    // "--" so that a path starting with '-' is not taken for an option
    ChildResult r;
    std::string spawn_err;
    if (!run_child({"dtc", "-I", "dts", "-O", "dtb", "-o", "-", "--", path}, &r, &spawn_err)) {
        *err = "device tree " + path + ": " + spawn_err;
        return false;
    }
    std::string first_error;
    for (const auto& line : split_lines(r.errtext)) {
        if (line.find("Warning") != std::string::npos) {
            if (warnings)
                warnings->push_back(line);
        } else if (first_error.empty()) {
            first_error = line;
        }
    }
    if (WIFSIGNALED(r.status)) {
        int sig = WTERMSIG(r.status);
        *err = "device tree " + path + ": dtc crashed (signal " + std::to_string(sig) + ", " +
               strsignal(sig) + ")" + (first_error.empty() ? "" : ": " + first_error);
        return false;
    }
    if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0 || r.out.empty()) {
        *err = "device tree " + path +
               " does not compile: " + (first_error.empty() ? "dtc failed" : first_error);
        return false;
    }
    *dtb = std::move(r.out);
    return true;
}

static bool set_u32(void* fdt, int node, const char* prop, uint32_t v, std::string* err)
{
    if (fdt_setprop_u32(fdt, node, prop, v) != 0) {
        *err = std::string("cannot set ") + prop;
        return false;
    }
    return true;
}

bool dtb_with_gic_options(const std::vector<uint8_t>& in, bool split_eoi, unsigned lpi_id_bits,
                          std::vector<uint8_t>* out, std::string* err)
{
    if (in.size() < sizeof(struct fdt_header) || fdt_check_header(in.data()) != 0) {
        *err = "device tree blob: bad header";
        return false;
    }
    out->assign(in.size() + 256, 0);
    void* fdt = out->data();
    if (fdt_open_into(in.data(), fdt, static_cast<int>(out->size())) != 0) {
        *err = "device tree blob: cannot open for editing";
        return false;
    }
    int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
    if (gic < 0) {
        *err = "device tree: no node compatible with arm,gic-v3";
        return false;
    }
    if (split_eoi && fdt_setprop_empty(fdt, gic, "irqsim,split-eoi") != 0) {
        *err = "device tree: cannot set irqsim,split-eoi";
        return false;
    }
    if (lpi_id_bits && !set_u32(fdt, gic, "irqsim,lpi-id-bits", lpi_id_bits, err))
        return false;
    fdt_pack(fdt);
    out->resize(fdt_totalsize(fdt));
    return true;
}

bool dtb_with_cpus(const std::vector<uint8_t>& in, unsigned cpus, std::vector<uint8_t>* out, std::string* err)
{
    if (in.size() < sizeof(struct fdt_header) || fdt_check_header(in.data()) != 0) {
        *err = "device tree blob: bad header";
        return false;
    }
    out->assign(in.size() + 8192 + 256 * cpus, 0);
    void* fdt = out->data();
    if (fdt_open_into(in.data(), fdt, static_cast<int>(out->size())) != 0) {
        *err = "device tree blob: cannot open for editing";
        return false;
    }
    int cpus_node = fdt_path_offset(fdt, "/cpus");
    if (cpus_node < 0) {
        *err = "device tree: node /cpus missing";
        return false;
    }
    // Drop every cpu node, then add the application CPUs and the coprocessor.
    for (int child = fdt_first_subnode(fdt, cpus_node); child >= 0; child = fdt_first_subnode(fdt, cpus_node))
        fdt_del_node(fdt, child);
    for (unsigned c = 0; c <= cpus; c++) {
        unsigned idx = cpus - c;  // add in reverse so the nodes end up in order
        char name[32];
        std::snprintf(name, sizeof name, "cpu@%x", ((idx / 16) << 8) | (idx % 16));
        int node = fdt_add_subnode(fdt, cpus_node, name);
        if (node < 0) {
            *err = "device tree: cannot add /cpus/" + std::string(name);
            return false;
        }
        fdt_setprop_string(fdt, node, "device_type", "cpu");
        fdt_setprop_string(fdt, node, "compatible", "arm,armv8");
        if (!set_u32(fdt, node, "reg", ((idx / 16) << 8) | (idx % 16), err))
            return false;
        if (idx == cpus) {
            fdt_setprop_string(fdt, node, "status", "disabled");
            fdt_setprop_empty(fdt, node, "irqsim,coprocessor");
        }
    }
    int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
    if (gic < 0) {
        *err = "device tree: no node compatible with arm,gic-v3";
        return false;
    }
    int len = 0;
    const fdt32_t* reg = static_cast<const fdt32_t*>(fdt_getprop(fdt, gic, "reg", &len));
    if (!reg || len < 32) {
        *err = "device tree: GIC node: property reg must hold GICD and GICR (2+2 cells each)";
        return false;
    }
    std::vector<fdt32_t> cells(reg, reg + len / 4);
    uint64_t rd_size = static_cast<uint64_t>(cpus + 1) * GIC_REDIST_SIZE;
    cells[6] = cpu_to_fdt32(static_cast<uint32_t>(rd_size >> 32));
    cells[7] = cpu_to_fdt32(static_cast<uint32_t>(rd_size));
    if (fdt_setprop(fdt, gic, "reg", cells.data(), len) != 0) {
        *err = "device tree: cannot rewrite the GIC reg property";
        return false;
    }
    int params = fdt_path_offset(fdt, "/soc/irqsim,params");
    if (params < 0) {
        *err = "device tree: node /soc/irqsim,params missing";
        return false;
    }
    if (!set_u32(fdt, params, "irqsim,cpus", cpus, err))
        return false;
    fdt_pack(fdt);
    out->resize(fdt_totalsize(fdt));
    return true;
}

bool dtb_params(const std::vector<uint8_t>& dtb, DtParams* p, std::string* err)
{
    const void* fdt = dtb.data();
    if (dtb.size() < sizeof(struct fdt_header) || fdt_check_header(fdt) != 0) {
        *err = "device tree blob: bad header";
        return false;
    }
    int node = fdt_path_offset(fdt, "/soc/irqsim,params");
    if (node < 0) {
        *err = "device tree: node /soc/irqsim,params missing (it states the RTL parameters)";
        return false;
    }
    struct Field {
        const char* name;
        unsigned* dst;
    } fields[] = {{"irqsim,cpus", &p->cpus},
                  {"irqsim,spis", &p->spis},
                  {"irqsim,lines", &p->lines},
                  {"irqsim,coprocessor", &p->coprocessor}};
    for (auto& f : fields) {
        int len = 0;
        const fdt32_t* v = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, f.name, &len));
        if (!v || len != 4) {
            *err = std::string("device tree: /soc/irqsim,params: property ") + f.name +
                   (v ? " must be one u32 cell" : " missing");
            return false;
        }
        *f.dst = fdt32_to_cpu(*v);
    }
    return true;
}

namespace {

// one u32 property; absent: true, *v untouched
bool fdt_u32(const void* fdt, int node, const char* prop, uint32_t* v, std::string* err)
{
    int len = 0;
    const fdt32_t* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, prop, &len));
    if (!p)
        return true;
    if (len != 4 || fdt32_to_cpu(*p) > 0xffff) {
        *err = std::string("device tree: ") + fdt_get_name(fdt, node, nullptr) + ": " + prop +
               " must be one u32 cell below 65536";
        return false;
    }
    *v = fdt32_to_cpu(*p);
    return true;
}

// a <start count> range property; absent: true, *r untouched
bool fdt_range(const void* fdt, int node, const char* prop, FirmwareRange* r, std::string* err)
{
    int len = 0;
    const fdt32_t* p = static_cast<const fdt32_t*>(fdt_getprop(fdt, node, prop, &len));
    if (!p)
        return true;
    if (len != 8 || fdt32_to_cpu(p[0]) > 0xffff || fdt32_to_cpu(p[1]) > 0xffff) {
        *err = std::string("device tree: ") + fdt_get_name(fdt, node, nullptr) + ": " + prop +
               " must be <start count> (two u32 cells below 65536)";
        return false;
    }
    r->start = static_cast<uint16_t>(fdt32_to_cpu(p[0]));
    r->num = static_cast<uint16_t>(fdt32_to_cpu(p[1]));
    return true;
}

}  // namespace

bool dtb_firmware_config(const std::vector<uint8_t>& dtb, FirmwareConfig* fc, std::string* err)
{
    const void* fdt = dtb.data();
    if (dtb.size() < sizeof(struct fdt_header) || fdt_check_header(fdt) != 0) {
        *err = "device tree blob: bad header";
        return false;
    }
    uint32_t id;
    int intr = fdt_node_offset_by_compatible(fdt, -1, "ti,sci-intr");
    if (intr >= 0) {
        id = fc->intr_id;
        if (!fdt_u32(fdt, intr, "ti,sci-dev-id", &id, err) ||
            !fdt_range(fdt, intr, "ti,sci-rm-range-out", &fc->intr_out, err))
            return false;
        fc->intr_id = static_cast<uint16_t>(id);
    }
    int inta = fdt_node_offset_by_compatible(fdt, -1, "ti,sci-inta");
    if (inta >= 0) {
        id = fc->inta_id;
        if (!fdt_u32(fdt, inta, "ti,sci-dev-id", &id, err) ||
            !fdt_range(fdt, inta, "ti,sci-rm-range-vint", &fc->vint, err) ||
            !fdt_range(fdt, inta, "ti,sci-rm-range-global-event", &fc->global_event, err))
            return false;
        fc->inta_id = static_cast<uint16_t>(id);
    }
    int dma = fdt_node_offset_by_compatible(fdt, -1, "irqsim,dma-ring");
    if (dma >= 0) {
        id = fc->dma_id;
        if (!fdt_u32(fdt, dma, "ti,sci-dev-id", &id, err))
            return false;
        fc->dma_id = static_cast<uint16_t>(id);
    }
    return true;
}

}  // namespace irqsim
