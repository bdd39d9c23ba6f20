package jsrt

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"hash"
	"math/big"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

// hashes are the algorithms createHash and createHmac accept.
var hashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New,
}

func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// cryptoModule builds require('crypto'): hashing, HMAC and randomness, which seeders use for
// ids and password hashes (bcryptjs builds on randomBytes). Ciphers and key pairs are absent.
func (r *Runtime) cryptoModule() goja.Value {
	vm := r.vm
	m := vm.NewObject()
	_ = m.Set("randomUUID", randomUUID)
	_ = m.Set("randomBytes", func(call goja.FunctionCall) goja.Value {
		n := call.Argument(0).ToInteger()
		if n < 0 || n > 1<<31-1 {
			panic(r.newNodeError(errString(`The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received `+call.Argument(0).String()), "RangeError", "code", "ERR_OUT_OF_RANGE"))
		}
		b := make([]byte, n)
		_, _ = rand.Read(b)
		buf := buffer.WrapBytes(vm, b)
		if cb := call.Argument(1); !goja.IsUndefined(cb) {
			r.nextTick(cb, goja.Null(), buf)
			return goja.Undefined()
		}
		return buf
	})
	_ = m.Set("randomInt", func(call goja.FunctionCall) goja.Value {
		lo, hi := int64(0), call.Argument(0).ToInteger()
		if n := call.Argument(1); goja.IsNumber(n) {
			lo, hi = hi, n.ToInteger()
		}
		if hi <= lo {
			panic(r.newNodeError(errString(`The value of "max" is out of range. It must be greater than the value of "min" (`+itoa(int(lo))+`). Received `+itoa(int(hi))), "RangeError", "code", "ERR_OUT_OF_RANGE"))
		}
		n, _ := rand.Int(rand.Reader, big.NewInt(hi-lo))
		return vm.ToValue(lo + n.Int64())
	})
	_ = m.Set("getRandomValues", r.getRandomValues)
	// randomFillSync(buf[, offset[, size]]) and randomFill(buf[, offset[, size]], cb): uuid's rng.
	fill := func(call goja.FunctionCall) goja.Value {
		buf, ok := call.Argument(0).(*goja.Object)
		if !ok {
			panic(r.newNodeError(errInvalidArg("buf", "an instance of ArrayBuffer or ArrayBufferView", call.Argument(0)), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
		}
		n := buf.Get("byteLength").ToInteger()
		offset, size := int64(0), n
		var args []goja.Value
		for _, a := range call.Arguments[1:] {
			if _, isFn := goja.AssertFunction(a); isFn {
				break
			}
			args = append(args, a)
		}
		if len(args) > 0 && !goja.IsUndefined(args[0]) {
			offset = args[0].ToInteger()
		}
		size = n - offset
		if len(args) > 1 && !goja.IsUndefined(args[1]) {
			size = args[1].ToInteger()
		}
		if offset < 0 || offset > n || size < 0 || offset+size > n {
			panic(r.newNodeError(errString(`The value of "offset" or "size" is out of range`), "RangeError", "code", "ERR_OUT_OF_RANGE"))
		}
		b := make([]byte, size)
		_, _ = rand.Read(b)
		ab, start := buf.Get("buffer"), buf.Get("byteOffset").ToInteger()
		if ab == nil || goja.IsUndefined(ab) {
			ab, start = buf, 0 // an ArrayBuffer itself
		}
		view, err := vm.New(vm.Get("Uint8Array"), ab, vm.ToValue(start+offset), vm.ToValue(size))
		if err != nil {
			panic(err)
		}
		for i, c := range b {
			_ = view.Set(itoa(i), int(c))
		}
		return buf
	}
	_ = m.Set("randomFillSync", fill)
	_ = m.Set("randomFill", func(call goja.FunctionCall) goja.Value {
		var cb goja.Value = goja.Undefined()
		if len(call.Arguments) > 0 {
			cb = call.Arguments[len(call.Arguments)-1]
		}
		if _, ok := goja.AssertFunction(cb); !ok {
			panic(r.newNodeError(errInvalidArg("callback", "function", cb), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
		}
		buf := fill(call)
		r.nextTick(cb, goja.Null(), buf)
		return goja.Undefined()
	})
	_ = m.Set("timingSafeEqual", func(a, b goja.Value) bool {
		x, y := buffer.DecodeBytes(vm, a, goja.Undefined()), buffer.DecodeBytes(vm, b, goja.Undefined())
		if len(x) != len(y) {
			panic(r.newNodeError(errString("Input buffers must have the same byte length"), "RangeError", "code", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"))
		}
		return subtle.ConstantTimeCompare(x, y) == 1
	})
	_ = m.Set("getHashes", func() []string { return sortedKeys(hashes) })
	newHash := func(alg goja.Value, key goja.Value, hmacMode bool) *goja.Object {
		name := strings.ToLower(strings.ReplaceAll(alg.String(), "-", ""))
		mk, ok := hashes[name]
		if !ok {
			panic(r.newNodeError(errString("Digest method not supported"), "Error", "code", "ERR_CRYPTO_INVALID_DIGEST"))
		}
		var h hash.Hash
		if hmacMode {
			h = hmac.New(mk, buffer.DecodeBytes(vm, key, goja.Undefined()))
		} else {
			h = mk()
		}
		return r.hashObject(h)
	}
	_ = m.Set("createHash", func(call goja.FunctionCall) goja.Value { return newHash(call.Argument(0), nil, false) })
	_ = m.Set("createHmac", func(call goja.FunctionCall) goja.Value {
		return newHash(call.Argument(0), call.Argument(1), true)
	})
	_ = m.Set("webcrypto", r.webCrypto())
	return m
}

func (r *Runtime) hashObject(h hash.Hash) *goja.Object {
	vm := r.vm
	o := vm.NewObject()
	done := false
	_ = o.Set("update", func(call goja.FunctionCall) goja.Value {
		if done {
			panic(r.newNodeError(errString("Digest already called"), "Error", "code", "ERR_CRYPTO_HASH_FINALIZED"))
		}
		h.Write(buffer.DecodeBytes(vm, call.Argument(0), call.Argument(1)))
		return o
	})
	_ = o.Set("digest", func(call goja.FunctionCall) goja.Value {
		if done {
			panic(r.newNodeError(errString("Digest already called"), "Error", "code", "ERR_CRYPTO_HASH_FINALIZED"))
		}
		done = true
		return buffer.EncodeBytes(vm, h.Sum(nil), call.Argument(0))
	})
	return o
}

// getRandomValues fills an integer typed array with random bytes and returns it.
func (r *Runtime) getRandomValues(call goja.FunctionCall) goja.Value {
	arr, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(r.newNodeError(errInvalidArg("typedArray", "TypedArray", call.Argument(0)), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
	}
	n := int(arr.Get("byteLength").ToInteger())
	if n > 65536 {
		panic(r.newNodeError(errString("The ArrayBufferView's byte length exceeds the number of bytes of entropy available via this API (65536)"), "RangeError", "code", "QuotaExceededError"))
	}
	b := make([]byte, n)
	_, _ = rand.Read(b)
	view, err := r.vm.New(r.vm.Get("Uint8Array"), arr.Get("buffer"), arr.Get("byteOffset"), r.vm.ToValue(n))
	if err != nil {
		panic(err)
	}
	for i, c := range b {
		_ = view.Set(itoa(i), int(c))
	}
	return arr
}

// webCrypto is the global crypto object (Web Crypto without subtle).
func (r *Runtime) webCrypto() *goja.Object {
	o := r.vm.NewObject()
	_ = o.Set("randomUUID", randomUUID)
	_ = o.Set("getRandomValues", r.getRandomValues)
	return o
}
