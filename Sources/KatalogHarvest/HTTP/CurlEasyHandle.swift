import CCurl

/// Initialises libcurl once per process; Swift runs a `static let` initialiser exactly once, thread-safely.
enum CurlGlobal {
    private static let initCode: UInt32 = katalog_curl_global_init_default().rawValue

    /// Ensures `curl_global_init` ran; returns libcurl's text when it failed.
    static func ensureInitialized() -> String? {
        let code = initCode
        guard code != CURLE_OK.rawValue else { return nil }
        return String(cString: curl_easy_strerror(CURLcode(rawValue: code)))
    }
}

/// A failure while configuring or running a libcurl handle.
struct CurlSetupError: Error {
    /// libcurl's error text.
    let detail: String
}

/// Owns one libcurl easy handle and the header list attached to it; both are freed in `deinit`.
/// Used by one thread at a time.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Where libcurl writes a detailed message when a transfer fails; lives exactly as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(CurlSetupError) {
        if let failure = CurlGlobal.ensureInitialized() {
            throw CurlSetupError(detail: "curl_global_init failed: \(failure)")
        }
        guard let handle = curl_easy_init() else {
            throw CurlSetupError(detail: "curl_easy_init returned no handle")
        }
        raw = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try set(CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
    }

    deinit {
        curl_easy_cleanup(raw)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failure, if it wrote one.
    var errorDetail: String? {
        let text = String(cString: errorBuffer)
        return text.isEmpty ? nil : text
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlSetupError) {
        try check(katalog_curl_setopt_long(raw, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(CurlSetupError) {
        // libcurl copies string options, so the temporary C string may go away afterwards.
        try check(value.withCString { katalog_curl_setopt_string(raw, option, $0) }, option)
    }

    func set(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) throws(CurlSetupError) {
        try check(katalog_curl_setopt_pointer(raw, option, value), option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlSetupError) {
        try check(katalog_curl_setopt_off_t(raw, option, curl_off_t(value)), option)
    }

    func set(_ option: CURLoption, callback: katalog_curl_data_cb) throws(CurlSetupError) {
        try check(katalog_curl_setopt_data_cb(raw, option, callback), option)
    }

    func set(_ option: CURLoption, progress: katalog_curl_xferinfo_cb) throws(CurlSetupError) {
        try check(katalog_curl_setopt_xferinfo_cb(raw, option, progress), option)
    }

    /// Replaces the request header list; the handle keeps the list alive until it is freed.
    func setHeaders(_ lines: [String]) throws(CurlSetupError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw CurlSetupError(detail: "curl_slist_append failed (out of memory)")
            }
            list = appended
        }
        do {
            try check(katalog_curl_setopt_slist(raw, CURLOPT_HTTPHEADER, list), CURLOPT_HTTPHEADER)
        } catch {
            curl_slist_free_all(list)
            throw error
        }
        curl_slist_free_all(headerList)
        headerList = list
    }

    func perform() -> CURLcode {
        curl_easy_perform(raw)
    }

    func infoLong(_ info: CURLINFO) -> Int? {
        var value = 0
        guard katalog_curl_getinfo_long(raw, info, &value) == CURLE_OK else { return nil }
        return value
    }

    func infoString(_ info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard katalog_curl_getinfo_string(raw, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlSetupError) {
        guard code == CURLE_OK else {
            let text = String(cString: curl_easy_strerror(code))
            throw CurlSetupError(detail: "curl_easy_setopt(\(option.rawValue)) failed: \(text)")
        }
    }
}
